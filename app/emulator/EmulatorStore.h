// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emulator/DeterministicRandom.h"
#include "emulator/PortalRecord.h"
#include "emulator/QAppSessionState.h"
#include "emulator/UsernamePool.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

/// Everything the emulated account holds: portals with their sessions, the usernames, and the Amazon
/// Q Apps session metadata. DataGenerator fills it; the services read and change it. Not thread-safe:
/// only the emulator's thread touches it.
class EmulatorStore
{
public:
    struct SessionLocation
    {
        int portal = -1;
        quint32 slot = 0;
    };

    /// Q Apps metadata variants: 2 (enabled) x 3 (acceptResponses absent/true/false) x 3 (revealCards)
    /// x 2 (sessionOwner) flag combinations, times 5 name forms (absent, empty, plain, 100 characters,
    /// Unicode). SessionRecord::qappVariant is 1 + one of these.
    static constexpr int qappFlagCombinations = 36;
    static constexpr int qappNameForms = 5;
    static constexpr int qappVariantCount = qappFlagCombinations * qappNameForms;

    EmulatorStore(quint64 seed, QString region, QString qappsInstanceId);

    quint64 seed() const { return m_seed; }
    QString region() const { return m_region; }
    /// The 12-digit account id in every ARN, derived from the seed.
    QString accountId() const { return m_accountId; }
    /// Empty when the emulator has no Q Apps instance.
    QString qappsInstanceId() const { return m_qappsInstanceId; }

    /// Adds a portal (DataGenerator does, before sorting); its sessions must already be indexed.
    void addPortal(PortalRecord portal);
    /// Orders the portals as ListPortals lists them: by creation date, then id.
    void sortPortals();
    const std::vector<PortalRecord> &portals() const { return m_portals; }
    /// The index of the portal with that id (exact), or -1.
    int portalIndex(QStringView portalId) const;
    QString portalArn(const PortalRecord &portal) const;
    /// The ARN of a settings resource ("browserSettings", "networkSettings", "userSettings") of a portal.
    QString settingsArn(const PortalRecord &portal, const QString &kind) const;

    UsernamePool &usernames() { return m_usernames; }
    const UsernamePool &usernames() const { return m_usernames; }

    std::optional<SessionLocation> findSession(const Uuid128 &id) const;
    const SessionRecord &session(const SessionLocation &location) const
    {
        return m_portals[size_t(location.portal)].sessions.at(location.slot);
    }
    const PortalRecord &portal(int index) const { return m_portals[size_t(index)]; }
    qsizetype sessionCount() const;

    /// 1 to 3 client addresses (IPv4 and short IPv6 from the documentation ranges), derived from the id.
    QStringList clientIpAddresses(const Uuid128 &id) const;

    /// Adds a session to a portal (for tests and simulations): a new random id, active when endMs is
    /// not given. Returns where it went.
    SessionLocation addSession(int portal, const QString &username, qint64 startMs,
                               std::optional<qint64> endMs = std::nullopt);
    /// Terminates a session at endMs; false when it had already ended (nothing changes then).
    bool expireSession(const SessionLocation &location, qint64 endMs);

    /// The Q Apps session with that id, if there is one (and the emulator has a Q Apps instance).
    std::optional<QAppSessionState> qappSession(const Uuid128 &id) const;
    /// Replaces the metadata of an existing Q Apps session.
    void setQAppSession(const Uuid128 &id, const QAppSessionState &state);
    QString qappSessionArn(const Uuid128 &id, const QAppSessionState &state) const;
    /// The metadata a variant (0 .. qappVariantCount-1) stands for, for the session `id`.
    QAppSessionState qappVariantState(const Uuid128 &id, int variant) const;

private:
    quint64 m_seed;
    QString m_region;
    QString m_accountId;
    QString m_qappsInstanceId;
    std::vector<PortalRecord> m_portals;
    QHash<QString, int> m_portalIndex;
    UsernamePool m_usernames;
    QHash<Uuid128, QAppSessionState> m_qappOverrides;
    DeterministicRandom m_addedIds;
};
