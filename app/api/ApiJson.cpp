// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/ApiJson.h"

#include "api/ListSessionsScanner.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

AwsError malformed(const QString &message)
{
    return AwsError(AwsError::Category::MalformedAnswer, message);
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return QCoreApplication::translate("ApiJson", "a boolean");
    case QJsonValue::Double:
        return QCoreApplication::translate("ApiJson", "a number");
    case QJsonValue::String:
        return QCoreApplication::translate("ApiJson", "a string");
    case QJsonValue::Array:
        return QCoreApplication::translate("ApiJson", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("ApiJson", "an object");
    case QJsonValue::Undefined:
        break;
    }
    return QCoreApplication::translate("ApiJson", "nothing");
}

AwsError wrongType(const QString &path, const QString &expected, const QJsonValue &value)
{
    //: %1 is a JSON field path such as sessions[0].startTime; %2 and %3 name kinds of value ("a string",
    //: "a number", ...), translated separately.
    return malformed(QCoreApplication::translate("ApiJson", "\"%1\" should be %2, but is %3.")
                         .arg(path, expected, typeName(value)));
}

AwsError missing(const QString &path)
{
    return malformed(QCoreApplication::translate("ApiJson", "\"%1\" is missing.").arg(path));
}

QString indexPath(const QString &arrayPath, qsizetype index)
{
    return u"%1[%2]"_s.arg(arrayPath).arg(index);
}

// Reads the fields of one JSON object and remembers the first problem, so a decoder reads as a list of
// fields and checks once at the end.
class FieldReader
{
public:
    FieldReader(const QJsonObject &object, const QString &path)
        : m_object(object)
        , m_path(path)
    {}
    /// The object at `arrayPath[index]`; its path is only spelled out when an error needs it (pages
    /// hold hundreds of objects, and most pages have no error).
    FieldReader(const QJsonObject &object, const QString &arrayPath, qsizetype index)
        : m_object(object)
        , m_path(arrayPath)
        , m_index(index)
    {}

    const std::optional<AwsError> &error() const { return m_error; }
    QString path() const { return m_index < 0 ? m_path : indexPath(m_path, m_index); }
    QString pathOf(const QString &key) const
    {
        const QString base = path();
        return base.isEmpty() ? key : base + u'.' + key;
    }

    /// The value, or Undefined when absent or null.
    QJsonValue value(const QString &key) const
    {
        const QJsonValue v = m_object.value(key);
        return v.isNull() ? QJsonValue(QJsonValue::Undefined) : v;
    }

    QString string(const QString &key, bool required)
    {
        const QJsonValue v = value(key);
        if (v.isUndefined()) {
            if (required)
                fail(missing(pathOf(key)));
            return {};
        }
        if (!v.isString()) {
            fail(wrongType(pathOf(key), QCoreApplication::translate("ApiJson", "a string"), v));
            return {};
        }
        QString text = v.toString();
        if (required && text.isEmpty())
            fail(malformed(QCoreApplication::translate("ApiJson", "\"%1\" is empty.").arg(pathOf(key))));
        return text;
    }

    std::optional<bool> boolean(const QString &key, bool required)
    {
        const QJsonValue v = value(key);
        if (v.isUndefined()) {
            if (required)
                fail(missing(pathOf(key)));
            return std::nullopt;
        }
        if (!v.isBool()) {
            fail(wrongType(pathOf(key), QCoreApplication::translate("ApiJson", "true or false"), v));
            return std::nullopt;
        }
        return v.toBool();
    }

    int nonNegativeInt(const QString &key)
    {
        const QJsonValue v = value(key);
        if (v.isUndefined())
            return 0;
        const double d = v.toDouble(-1);
        if (!v.isDouble() || !std::isfinite(d) || d < 0 || d > std::numeric_limits<int>::max() ||
            d != std::floor(d)) {
            fail(wrongType(pathOf(key),
                           QCoreApplication::translate("ApiJson", "a whole number from 0 to 2147483647"), v));
            return 0;
        }
        return static_cast<int>(d);
    }

    QDateTime timestamp(const QString &key, bool required)
    {
        const QJsonValue v = value(key);
        if (v.isUndefined()) {
            if (required)
                fail(missing(pathOf(key)));
            return {};
        }
        AwsResult<QDateTime> decoded = ApiJson::decodeTimestamp(v, pathOf(key));
        if (!decoded) {
            fail(decoded.error());
            return {};
        }
        return decoded.value();
    }

    QJsonArray array(const QString &key, bool required)
    {
        const QJsonValue v = value(key);
        if (v.isUndefined()) {
            if (required)
                fail(missing(pathOf(key)));
            return {};
        }
        if (!v.isArray()) {
            fail(wrongType(pathOf(key), QCoreApplication::translate("ApiJson", "an array"), v));
            return {};
        }
        return v.toArray();
    }

    void fail(const AwsError &error)
    {
        if (!m_error)
            m_error = error;
    }

private:
    QJsonObject m_object;
    QString m_path;
    qsizetype m_index = -1; // >= 0: the object is element m_index of the array at m_path
    std::optional<AwsError> m_error;
};

AwsResult<QJsonObject> parseObject(const QByteArray &body)
{
    // Qt 6.4 reports a scalar root as a syntax error; say what is really wrong.
    const QByteArray start = body.trimmed().left(1);
    if (!start.isEmpty() && start != "{")
        return malformed(QCoreApplication::translate("ApiJson", "The answer is not a JSON object."));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return malformed(
            QCoreApplication::translate("ApiJson", "The answer is not valid JSON (%1 at byte %2).")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    }
    if (!document.isObject())
        return malformed(QCoreApplication::translate("ApiJson", "The answer is not a JSON object."));
    return document.object();
}

AwsResult<QJsonObject> asObject(const QJsonValue &value, const QString &path)
{
    if (value.isUndefined() || value.isNull())
        return missing(path);
    if (!value.isObject())
        return wrongType(path, QCoreApplication::translate("ApiJson", "an object"), value);
    return value.toObject();
}

// The nextToken of a page: verbatim, empty when absent.
QString nextToken(FieldReader &reader)
{
    return reader.string(u"nextToken"_s, false);
}

} // namespace

namespace {
constexpr qint64 minMSecs = -62135596800000; // 0001-01-01T00:00:00Z
constexpr qint64 maxMSecs = 253402300799999; // 9999-12-31T23:59:59.999Z
} // namespace

bool ApiJson::isPlausibleEpochSeconds(double seconds)
{
    return std::isfinite(seconds) && seconds * 1000.0 >= double(minMSecs) &&
           seconds * 1000.0 <= double(maxMSecs);
}

AwsResult<QDateTime> ApiJson::decodeTimestamp(const QJsonValue &value, const QString &path)
{
    if (value.isDouble()) {
        const double seconds = value.toDouble();
        if (!isPlausibleEpochSeconds(seconds))
            return malformed(QCoreApplication::translate(
                                 "ApiJson", "\"%1\" is not a plausible time (%2 seconds since 1970).")
                                 .arg(path)
                                 .arg(seconds));
        return QDateTime::fromMSecsSinceEpoch(std::llround(seconds * 1000.0), Qt::UTC);
    }
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!time.isValid() || text.size() < 10)
            return malformed(QCoreApplication::translate("ApiJson", "\"%1\" is not a time: \"%2\".")
                                 .arg(path, text.left(64)));
        if (time.timeSpec() == Qt::LocalTime)
            time.setTimeSpec(Qt::UTC); // no offset given: the services mean UTC
        // An offset can move a time written in years 1 to 9999 out of them ("9999-12-31T23:59:59-14:00").
        const qint64 msecs = time.toMSecsSinceEpoch();
        if (msecs < minMSecs || msecs > maxMSecs)
            return malformed(QCoreApplication::translate("ApiJson", "\"%1\" is not a plausible time: \"%2\".")
                                 .arg(path, text.left(64)));
        return time.toUTC();
    }
    return wrongType(path, QCoreApplication::translate("ApiJson", "a time (epoch seconds or ISO 8601)"),
                     value);
}

AwsResult<Portal> ApiJson::decodePortal(const QJsonValue &value, const QString &path)
{
    const AwsResult<QJsonObject> object = asObject(value, path);
    if (!object)
        return object.error();
    FieldReader reader(object.value(), path);
    Portal portal;
    portal.portalArn = reader.string(u"portalArn"_s, true);
    portal.displayName = reader.string(u"displayName"_s, false);
    portal.portalStatus = reader.string(u"portalStatus"_s, false);
    portal.creationDate = reader.timestamp(u"creationDate"_s, false);
    portal.maxConcurrentSessions = reader.nonNegativeInt(u"maxConcurrentSessions"_s);
    portal.portalEndpoint = reader.string(u"portalEndpoint"_s, false);
    portal.browserType = reader.string(u"browserType"_s, false);
    portal.rendererType = reader.string(u"rendererType"_s, false);
    portal.authenticationType = reader.string(u"authenticationType"_s, false);
    portal.instanceType = reader.string(u"instanceType"_s, false);
    if (reader.error())
        return *reader.error();
    return portal;
}

namespace {

// SessionSummary's fields; the caller checks reader.error().
SessionSummary readSessionSummary(FieldReader &reader)
{
    SessionSummary session;
    session.sessionId = reader.string(u"sessionId"_s, true);
    session.username = reader.string(u"username"_s, false);
    session.statusText = reader.string(u"status"_s, true);
    session.status = SessionSummary::statusFromText(session.statusText);
    session.startTime = reader.timestamp(u"startTime"_s, true);
    session.endTime = reader.timestamp(u"endTime"_s, false);
    session.portalArn = reader.string(u"portalArn"_s, false);
    return session;
}

} // namespace

AwsResult<SessionDetail> ApiJson::decodeSession(const QJsonValue &value, const QString &path)
{
    const AwsResult<QJsonObject> object = asObject(value, path);
    if (!object)
        return object.error();
    FieldReader reader(object.value(), path);
    SessionDetail detail;
    detail.summary = readSessionSummary(reader);
    const QJsonArray addresses = reader.array(u"clientIpAddresses"_s, false);
    for (qsizetype i = 0; i < addresses.size(); ++i) {
        const QJsonValue address = addresses.at(i);
        if (!address.isString()) {
            reader.fail(wrongType(indexPath(reader.pathOf(u"clientIpAddresses"_s), i),
                                  QCoreApplication::translate("ApiJson", "a string"), address));
            break;
        }
        detail.clientIpAddresses.append(address.toString());
    }
    if (reader.error())
        return *reader.error();
    return detail;
}

AwsResult<QAppSharingConfiguration> ApiJson::decodeSharingConfiguration(const QJsonValue &value,
                                                                        const QString &path)
{
    const AwsResult<QJsonObject> object = asObject(value, path);
    if (!object)
        return object.error();
    FieldReader reader(object.value(), path);
    QAppSharingConfiguration configuration;
    configuration.enabled = reader.boolean(u"enabled"_s, true).value_or(false);
    configuration.acceptResponses = reader.boolean(u"acceptResponses"_s, false);
    configuration.revealCards = reader.boolean(u"revealCards"_s, false);
    if (reader.error())
        return *reader.error();
    return configuration;
}

AwsResult<PortalPage> ApiJson::decodeListPortals(const QByteArray &body)
{
    const AwsResult<QJsonObject> root = parseObject(body);
    if (!root)
        return root.error();
    FieldReader reader(root.value(), QString());
    PortalPage page;
    const QJsonArray portals = reader.array(u"portals"_s, true);
    page.nextToken = nextToken(reader);
    if (reader.error())
        return *reader.error();
    page.portals.reserve(portals.size());
    for (qsizetype i = 0; i < portals.size(); ++i) {
        AwsResult<Portal> portal = decodePortal(portals.at(i), indexPath(u"portals"_s, i));
        if (!portal)
            return portal.error();
        page.portals.append(std::move(portal).value());
    }
    return page;
}

AwsResult<Portal> ApiJson::decodeGetPortal(const QByteArray &body)
{
    const AwsResult<QJsonObject> root = parseObject(body);
    if (!root)
        return root.error();
    return decodePortal(root.value().value(u"portal"_s), u"portal"_s);
}

AwsResult<SessionPage> ApiJson::decodeListSessions(const QByteArray &body)
{
    if (std::optional<SessionPage> page = ListSessionsScanner::scan(body))
        return std::move(*page);
    return decodeListSessionsDocument(body);
}

AwsResult<SessionPage> ApiJson::decodeListSessionsDocument(const QByteArray &body)
{
    const AwsResult<QJsonObject> root = parseObject(body);
    if (!root)
        return root.error();
    FieldReader reader(root.value(), QString());
    SessionPage page;
    const QJsonArray sessions = reader.array(u"sessions"_s, true);
    page.nextToken = nextToken(reader);
    if (reader.error())
        return *reader.error();
    page.sessions.reserve(sessions.size());
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        const QJsonValue value = sessions.at(i);
        if (!value.isObject())
            return asObject(value, indexPath(u"sessions"_s, i)).error();
        FieldReader sessionReader(value.toObject(), u"sessions"_s, i);
        SessionSummary session = readSessionSummary(sessionReader);
        if (sessionReader.error())
            return *sessionReader.error();
        page.sessions.append(std::move(session));
    }
    return page;
}

AwsResult<SessionDetail> ApiJson::decodeGetSession(const QByteArray &body)
{
    const AwsResult<QJsonObject> root = parseObject(body);
    if (!root)
        return root.error();
    return decodeSession(root.value().value(u"session"_s), u"session"_s);
}

AwsResult<std::monostate> ApiJson::decodeEmpty(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return std::monostate{};
    const AwsResult<QJsonObject> root = parseObject(body);
    if (!root)
        return root.error();
    return std::monostate{};
}

AwsResult<QAppSessionMetadata> ApiJson::decodeQAppSessionMetadata(const QByteArray &body)
{
    const AwsResult<QJsonObject> root = parseObject(body);
    if (!root)
        return root.error();
    FieldReader reader(root.value(), QString());
    QAppSessionMetadata metadata;
    metadata.sessionId = reader.string(u"sessionId"_s, true);
    metadata.sessionArn = reader.string(u"sessionArn"_s, true);
    metadata.sessionName = reader.string(u"sessionName"_s, false);
    metadata.sessionOwner = reader.boolean(u"sessionOwner"_s, false);
    if (reader.error())
        return *reader.error();
    AwsResult<QAppSharingConfiguration> sharing =
        decodeSharingConfiguration(root.value().value(u"sharingConfiguration"_s), u"sharingConfiguration"_s);
    if (!sharing)
        return sharing.error();
    metadata.sharingConfiguration = std::move(sharing).value();
    return metadata;
}

QByteArray ApiJson::encodeQAppSessionMetadataUpdate(const QAppSessionMetadataUpdate &update)
{
    QJsonObject sharing;
    sharing.insert(u"enabled"_s, update.sharingConfiguration.enabled);
    if (update.sharingConfiguration.acceptResponses)
        sharing.insert(u"acceptResponses"_s, *update.sharingConfiguration.acceptResponses);
    if (update.sharingConfiguration.revealCards)
        sharing.insert(u"revealCards"_s, *update.sharingConfiguration.revealCards);
    QJsonObject root;
    root.insert(u"sessionId"_s, update.sessionId);
    if (update.sessionName)
        root.insert(u"sessionName"_s, *update.sessionName);
    root.insert(u"sharingConfiguration"_s, sharing);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}
