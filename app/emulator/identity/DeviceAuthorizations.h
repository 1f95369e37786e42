// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

/// The state of the emulator's IAM Identity Center sign-ins: registered OIDC clients, device codes waiting
/// for a person's approval, and the access and refresh tokens handed out. Times are the emulator's clock in
/// epoch milliseconds. Not thread-safe: it lives on the emulator's thread.
class DeviceAuthorizations
{
public:
    struct Client
    {
        QString id;
        QString secret;
        qint64 issuedAtMs = 0;
        qint64 secretExpiresAtMs = 0;
    };
    enum class State {
        Pending,
        Approved,
        Denied,
        Redeemed, ///< the token was handed out; the device code is used up
    };
    struct Device
    {
        QString deviceCode;
        QString userCode; ///< "ABCD-EFGH"
        QString clientId;
        qint64 expiresAtMs = 0;
        qint64 lastPollMs = -1;
        State state = State::Pending;
    };
    struct Token
    {
        QString accessToken;
        QString refreshToken;
        qint64 expiresAtMs = 0;
    };
    enum class Poll {
        Pending,
        SlowDown,
        Expired,
        Denied,
        Issued,
        InvalidGrant, ///< unknown device code, another client's, or already used
    };

    DeviceAuthorizations(int tokenLifetimeSeconds, int deviceCodeLifetimeSeconds);

    Client registerClient(qint64 nowMs);
    /// True when the client exists, the secret matches and has not expired.
    bool isClientValid(const QString &clientId, const QString &clientSecret, qint64 nowMs) const;

    Device startAuthorization(const QString &clientId, qint64 nowMs);
    /// One CreateToken poll with the device code. Polling again less than `intervalSeconds` after the
    /// previous poll (less a quarter of a second, for timers that fire early) answers SlowDown.
    Poll poll(const QString &clientId, const QString &deviceCode, int intervalSeconds, qint64 nowMs,
              Token *token);
    /// A new access token (and refresh token) for a refresh token of that client; nullopt when unknown.
    std::optional<Token> refresh(const QString &clientId, const QString &refreshToken, qint64 nowMs);

    /// Approves (or denies) the pending device code shown as `userCode`; false when there is none or it
    /// expired.
    bool decide(const QString &userCode, bool approve, qint64 nowMs);
    /// The unexpired device code shown as `userCode`.
    std::optional<Device> deviceForUserCode(const QString &userCode, qint64 nowMs) const;

    /// True for an access token handed out here and not yet expired.
    bool isAccessTokenValid(const QString &accessToken, qint64 nowMs) const;

    int tokenLifetimeSeconds() const { return m_tokenLifetimeSeconds; }
    int deviceCodeLifetimeSeconds() const { return m_deviceCodeLifetimeSeconds; }

private:
    Token issueToken(const QString &clientId, qint64 nowMs);

    int m_tokenLifetimeSeconds;
    int m_deviceCodeLifetimeSeconds;
    QHash<QString, Client> m_clients;        // by id
    QHash<QString, Device> m_devices;        // by device code
    QHash<QString, QString> m_userCodes;     // user code -> device code
    QHash<QString, qint64> m_accessTokens;   // token -> expiry
    QHash<QString, QString> m_refreshTokens; // token -> client id
};
