// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/identity/StsXml.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace {

// Opens <ActionResponse xmlns=...><ActionResult>; `body` writes the result's content.
template <typename Body>
QByteArray response(const QString &action, const QString &requestId, Body body)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartElement(action + u"Response"_s);
    xml.writeDefaultNamespace(StsXml::xmlNamespace());
    xml.writeStartElement(action + u"Result"_s);
    body(xml);
    xml.writeEndElement();
    xml.writeStartElement(u"ResponseMetadata"_s);
    xml.writeTextElement(u"RequestId"_s, requestId);
    xml.writeEndElement();
    xml.writeEndElement();
    out.append('\n');
    return out;
}

} // namespace

QString StsXml::timestamp(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
}

QByteArray StsXml::assumedRole(const QString &action, const AwsCredentials &credentials,
                               const IssuedCredentials::Identity &user, const QString &assumedRoleId,
                               const QString &requestId, const QList<QPair<QString, QString>> &extra)
{
    return response(action, requestId, [&](QXmlStreamWriter &xml) {
        for (const auto &[name, value] : extra)
            xml.writeTextElement(name, value);
        xml.writeStartElement(u"AssumedRoleUser"_s);
        xml.writeTextElement(u"AssumedRoleId"_s, assumedRoleId);
        xml.writeTextElement(u"Arn"_s, user.arn);
        xml.writeEndElement();
        xml.writeStartElement(u"Credentials"_s);
        xml.writeTextElement(u"AccessKeyId"_s, credentials.accessKeyId);
        xml.writeTextElement(u"SecretAccessKey"_s, credentials.secretAccessKey);
        xml.writeTextElement(u"SessionToken"_s, credentials.sessionToken);
        xml.writeTextElement(u"Expiration"_s, timestamp(credentials.expiration));
        xml.writeEndElement();
    });
}

QByteArray StsXml::callerIdentity(const IssuedCredentials::Identity &identity, const QString &requestId)
{
    return response(u"GetCallerIdentity"_s, requestId, [&](QXmlStreamWriter &xml) {
        xml.writeTextElement(u"Arn"_s, identity.arn);
        xml.writeTextElement(u"UserId"_s, identity.userId);
        xml.writeTextElement(u"Account"_s, identity.account);
    });
}

QByteArray StsXml::error(const QString &code, const QString &message, const QString &requestId,
                         const QString &type)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartElement(u"ErrorResponse"_s);
    xml.writeDefaultNamespace(xmlNamespace());
    xml.writeStartElement(u"Error"_s);
    xml.writeTextElement(u"Type"_s, type);
    xml.writeTextElement(u"Code"_s, code);
    xml.writeTextElement(u"Message"_s, message);
    xml.writeEndElement();
    xml.writeTextElement(u"RequestId"_s, requestId);
    xml.writeEndElement();
    out.append('\n');
    return out;
}
