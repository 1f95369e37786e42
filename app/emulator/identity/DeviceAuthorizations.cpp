// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/identity/DeviceAuthorizations.h"

#include <QList>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 clientSecretLifetimeMs = 90LL * 86400 * 1000;
// Timers fire a little early (Qt's coarse timers by up to 5%); a client that waits the interval must
// never be told to slow down.
constexpr qint64 pollToleranceMs = 250;

QString randomToken(int bytes)
{
    QList<quint32> words((bytes + 3) / 4);
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray data(reinterpret_cast<const char *>(words.constData()), bytes);
    return QString::fromLatin1(data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString randomUserCode()
{
    // Letters only, without the ones people confuse (I, O).
    static constexpr char letters[] = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    QString code;
    for (int i = 0; i < 8; ++i) {
        if (i == 4)
            code += u'-';
        code += QLatin1Char(letters[QRandomGenerator::system()->bounded(int(sizeof letters - 1))]);
    }
    return code;
}

} // namespace

DeviceAuthorizations::DeviceAuthorizations(int tokenLifetimeSeconds, int deviceCodeLifetimeSeconds)
    : m_tokenLifetimeSeconds(tokenLifetimeSeconds)
    , m_deviceCodeLifetimeSeconds(deviceCodeLifetimeSeconds)
{}

DeviceAuthorizations::Client DeviceAuthorizations::registerClient(qint64 nowMs)
{
    Client client;
    client.id = randomToken(16);
    client.secret = u"eyJraWQiOiJrZXktMTU2"_s + randomToken(96);
    client.issuedAtMs = nowMs;
    client.secretExpiresAtMs = nowMs + clientSecretLifetimeMs;
    m_clients.insert(client.id, client);
    return client;
}

bool DeviceAuthorizations::isClientValid(const QString &clientId, const QString &clientSecret,
                                         qint64 nowMs) const
{
    const auto it = m_clients.constFind(clientId);
    return it != m_clients.constEnd() && it->secret == clientSecret && nowMs < it->secretExpiresAtMs;
}

DeviceAuthorizations::Device DeviceAuthorizations::startAuthorization(const QString &clientId, qint64 nowMs)
{
    // Forget device codes that expired long ago, so a client starting sign-ins in a loop cannot grow this.
    for (auto it = m_devices.begin(); it != m_devices.end();) {
        if (it->expiresAtMs + 3600 * 1000 < nowMs) {
            m_userCodes.remove(it->userCode);
            it = m_devices.erase(it);
        } else {
            ++it;
        }
    }
    Device device;
    device.deviceCode = randomToken(48);
    do {
        device.userCode = randomUserCode();
    } while (m_userCodes.contains(device.userCode));
    device.clientId = clientId;
    device.expiresAtMs = nowMs + qint64(m_deviceCodeLifetimeSeconds) * 1000;
    m_devices.insert(device.deviceCode, device);
    m_userCodes.insert(device.userCode, device.deviceCode);
    return device;
}

DeviceAuthorizations::Token DeviceAuthorizations::issueToken(const QString &clientId, qint64 nowMs)
{
    Token token;
    token.accessToken = u"aoa"_s + randomToken(96);
    token.refreshToken = u"aor"_s + randomToken(96);
    token.expiresAtMs = nowMs + qint64(m_tokenLifetimeSeconds) * 1000;
    for (auto it = m_accessTokens.begin(); it != m_accessTokens.end();)
        it = it.value() < nowMs ? m_accessTokens.erase(it) : std::next(it);
    m_accessTokens.insert(token.accessToken, token.expiresAtMs);
    m_refreshTokens.insert(token.refreshToken, clientId);
    return token;
}

DeviceAuthorizations::Poll DeviceAuthorizations::poll(const QString &clientId, const QString &deviceCode,
                                                      int intervalSeconds, qint64 nowMs, Token *token)
{
    const auto it = m_devices.find(deviceCode);
    if (it == m_devices.end() || it->clientId != clientId || it->state == State::Redeemed)
        return Poll::InvalidGrant;
    if (nowMs >= it->expiresAtMs)
        return Poll::Expired;
    if (it->state == State::Denied)
        return Poll::Denied;
    const qint64 previous = it->lastPollMs;
    it->lastPollMs = nowMs;
    if (previous >= 0 && nowMs - previous < qint64(intervalSeconds) * 1000 - pollToleranceMs)
        return Poll::SlowDown;
    if (it->state == State::Pending)
        return Poll::Pending;
    it->state = State::Redeemed;
    if (token)
        *token = issueToken(clientId, nowMs);
    return Poll::Issued;
}

std::optional<DeviceAuthorizations::Token>
DeviceAuthorizations::refresh(const QString &clientId, const QString &refreshToken, qint64 nowMs)
{
    // Refresh tokens stay valid after use: two programs sharing the AWS CLI's cache may both refresh.
    if (m_refreshTokens.value(refreshToken) != clientId || clientId.isEmpty())
        return std::nullopt;
    return issueToken(clientId, nowMs);
}

bool DeviceAuthorizations::decide(const QString &userCode, bool approve, qint64 nowMs)
{
    const auto it = m_devices.find(m_userCodes.value(userCode.trimmed().toUpper()));
    if (it == m_devices.end() || nowMs >= it->expiresAtMs || it->state == State::Redeemed)
        return false;
    it->state = approve ? State::Approved : State::Denied;
    return true;
}

std::optional<DeviceAuthorizations::Device> DeviceAuthorizations::deviceForUserCode(const QString &userCode,
                                                                                    qint64 nowMs) const
{
    const auto it = m_devices.constFind(m_userCodes.value(userCode.trimmed().toUpper()));
    if (it == m_devices.constEnd() || nowMs >= it->expiresAtMs)
        return std::nullopt;
    return *it;
}

bool DeviceAuthorizations::isAccessTokenValid(const QString &accessToken, qint64 nowMs) const
{
    const auto it = m_accessTokens.constFind(accessToken);
    return it != m_accessTokens.constEnd() && nowMs < it.value();
}
