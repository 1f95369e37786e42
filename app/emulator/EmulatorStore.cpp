// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/EmulatorStore.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Streams of the seed, so that each kind of derived value is independent of the others.
constexpr quint64 accountStream = 0xACC0;
constexpr quint64 ipStream = 0x1BAD;
constexpr quint64 qappStream = 0x0A99;
constexpr quint64 addedStream = 0xADD5;
constexpr quint64 settingsStream = 0x5E77;

constexpr int qappsPerInstance = 7;

QString fixedLength(const QString &pattern, int length)
{
    QString out;
    while (out.size() < length)
        out += pattern;
    return out.left(length);
}

} // namespace

EmulatorStore::EmulatorStore(quint64 seed, QString region, QString qappsInstanceId)
    : m_seed(seed)
    , m_region(std::move(region))
    , m_qappsInstanceId(std::move(qappsInstanceId))
    , m_addedIds(DeterministicRandom::mix(seed, addedStream))
{
    DeterministicRandom random(DeterministicRandom::mix(seed, accountStream));
    m_accountId = QString::number(1 + random.below(9));
    for (int i = 0; i < 11; ++i)
        m_accountId += QString::number(random.below(10));
}

void EmulatorStore::addPortal(PortalRecord portal)
{
    m_portalIndex.insert(portal.portalId, int(m_portals.size()));
    m_portals.push_back(std::move(portal));
}

void EmulatorStore::sortPortals()
{
    std::sort(m_portals.begin(), m_portals.end(), [](const PortalRecord &a, const PortalRecord &b) {
        return std::tie(a.creationMs, a.id) < std::tie(b.creationMs, b.id);
    });
    m_portalIndex.clear();
    for (int i = 0; i < int(m_portals.size()); ++i)
        m_portalIndex.insert(m_portals[size_t(i)].portalId, i);
}

int EmulatorStore::portalIndex(QStringView portalId) const
{
    return m_portalIndex.value(portalId.toString(), -1);
}

QString EmulatorStore::portalArn(const PortalRecord &portal) const
{
    return u"arn:aws:workspaces-web:%1:%2:portal/%3"_s.arg(m_region, m_accountId, portal.portalId);
}

QString EmulatorStore::settingsArn(const PortalRecord &portal, const QString &kind) const
{
    // qHash() is seeded per process; the ARN must not be, so hash the kind by hand.
    quint64 kindHash = 0;
    for (const QChar c : kind)
        kindHash = DeterministicRandom::mix(kindHash, c.unicode());
    DeterministicRandom random(
        DeterministicRandom::mix(DeterministicRandom::mix(m_seed, settingsStream), portal.id.hi ^ kindHash));
    return u"arn:aws:workspaces-web:%1:%2:%3/%4"_s.arg(m_region, m_accountId, kind,
                                                       Uuid128::generateV4(random).toString());
}

std::optional<EmulatorStore::SessionLocation> EmulatorStore::findSession(const Uuid128 &id) const
{
    for (int i = 0; i < int(m_portals.size()); ++i) {
        if (const auto slot = m_portals[size_t(i)].sessions.find(id))
            return SessionLocation{i, *slot};
    }
    return std::nullopt;
}

qsizetype EmulatorStore::sessionCount() const
{
    qsizetype count = 0;
    for (const PortalRecord &portal : m_portals)
        count += portal.sessions.size();
    return count;
}

QStringList EmulatorStore::clientIpAddresses(const Uuid128 &id) const
{
    DeterministicRandom random(
        DeterministicRandom::mix(DeterministicRandom::mix(m_seed, ipStream), id.hi ^ id.lo));
    const int count = 1 + int(random.below(3));
    QStringList out;
    for (int i = 0; i < count; ++i) {
        // Documentation ranges only (RFC 5737, RFC 3849). The model limits an address to 15 characters,
        // so IPv6 addresses are short compressed ones.
        switch (random.below(4)) {
        case 0:
            out << u"192.0.2.%1"_s.arg(1 + random.below(254));
            break;
        case 1:
            out << u"198.51.100.%1"_s.arg(1 + random.below(254));
            break;
        case 2:
            out << u"203.0.113.%1"_s.arg(1 + random.below(254));
            break;
        default:
            out << u"2001:db8::%1"_s.arg(1 + random.below(0xFFFF), 0, 16);
            break;
        }
    }
    return out;
}

EmulatorStore::SessionLocation EmulatorStore::addSession(int portal, const QString &username, qint64 startMs,
                                                         std::optional<qint64> endMs)
{
    SessionRecord record;
    do {
        record.id = Uuid128::generateV4(m_addedIds);
    } while (findSession(record.id));
    record.startMs = startMs;
    record.endMs = endMs ? std::max(*endMs, startMs + 1) : 0;
    record.user = m_usernames.intern(username);
    const quint32 slot = m_portals[size_t(portal)].sessions.insert(record);
    return {portal, slot};
}

bool EmulatorStore::expireSession(const SessionLocation &location, qint64 endMs)
{
    return m_portals[size_t(location.portal)].sessions.expire(location.slot, endMs);
}

std::optional<QAppSessionState> EmulatorStore::qappSession(const Uuid128 &id) const
{
    if (m_qappsInstanceId.isEmpty())
        return std::nullopt;
    const auto it = m_qappOverrides.constFind(id);
    if (it != m_qappOverrides.constEnd())
        return it.value();
    const auto location = findSession(id);
    if (!location)
        return std::nullopt;
    const quint8 variant = session(*location).qappVariant;
    if (variant == 0)
        return std::nullopt;
    return qappVariantState(id, variant - 1);
}

void EmulatorStore::setQAppSession(const Uuid128 &id, const QAppSessionState &state)
{
    m_qappOverrides.insert(id, state);
}

QString EmulatorStore::qappSessionArn(const Uuid128 &id, const QAppSessionState &state) const
{
    return u"arn:aws:qapps:%1:%2:application/%3/qapp/%4/session/%5"_s.arg(
        m_region, m_accountId, m_qappsInstanceId, state.qappId, id.toString());
}

QAppSessionState EmulatorStore::qappVariantState(const Uuid128 &id, int variant) const
{
    static const QStringList plainNames = {
        u"Quarterly planning review"_s, u"Onboarding checklist"_s,   u"Incident retro 2024-11"_s,
        u"Customer FAQ drafting"_s,     u"Sales pitch brainstorm"_s, u"Policy Q&A, EMEA"_s,
        u"\"Team\" lunch poll"_s,
    };
    const int flags = variant % qappFlagCombinations;
    const int nameForm = (variant / qappFlagCombinations) % qappNameForms;
    const auto optionalFlag = [](int code) -> std::optional<bool> {
        if (code == 0)
            return std::nullopt;
        return code == 1;
    };

    DeterministicRandom random(
        DeterministicRandom::mix(DeterministicRandom::mix(m_seed, qappStream), id.hi ^ id.lo));
    QAppSessionState state;
    state.enabled = (flags % 2) == 1;
    state.acceptResponses = optionalFlag((flags / 2) % 3);
    state.revealCards = optionalFlag((flags / 6) % 3);
    state.owner = (flags / 18) % 2 == 0;

    // A handful of Q Apps per instance, so that many sessions belong to the same app.
    const quint64 app = random.below(qappsPerInstance);
    DeterministicRandom appRandom(
        DeterministicRandom::mix(DeterministicRandom::mix(m_seed, qappStream), app + 1));
    state.qappId = Uuid128::generateV4(appRandom).toString();

    switch (nameForm) {
    case 0:
        break;
    case 1:
        state.name = QString();
        break;
    case 2:
        state.name = plainNames.at(qsizetype(random.below(quint64(plainNames.size()))));
        break;
    case 3:
        state.name = fixedLength(u"Very long session name that keeps going and going; "_s, 100);
        break;
    default:
        state.name = u"Révision trimestrielle — 四半期レビュー — مراجعة 🚀"_s;
        break;
    }
    return state;
}
