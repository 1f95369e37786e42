// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/AwsCliCacheFile.h"

#include "aws/credentials/Iso8601Timestamp.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AwsCliCacheFile", text);
}

// What Python's json.dumps(ensure_ascii=True) makes of a string.
void appendPythonString(QByteArray &out, const QString &text)
{
    out += '"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += "\\\"";
            break;
        case u'\\':
            out += "\\\\";
            break;
        case u'\n':
            out += "\\n";
            break;
        case u'\r':
            out += "\\r";
            break;
        case u'\t':
            out += "\\t";
            break;
        case u'\b':
            out += "\\b";
            break;
        case u'\f':
            out += "\\f";
            break;
        default:
            if (u >= 0x20 && u < 0x7f)
                out += char(u);
            else
                out += "\\u" + QByteArray::number(u, 16).rightJustified(4, '0');
        }
    }
    out += '"';
}

void appendPythonValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (std::isfinite(number) && std::floor(number) == number && std::fabs(number) < 9.0e15)
            out += QByteArray::number(static_cast<qint64>(number));
        else
            out += QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
        break;
    }
    case QJsonValue::String:
        appendPythonString(out, value.toString());
        break;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out += ", ";
            appendPythonValue(out, array.at(i));
        }
        out += ']';
        break;
    }
    case QJsonValue::Object: {
        AwsCliCacheFile::Fields fields;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            fields.append({it.key(), it.value()});
        out += AwsCliCacheFile::toPythonJson(fields);
        break;
    }
    }
}

// Creates the missing folders of `path` one by one, each owner-only.
bool makeOwnerOnlyPath(const QString &path)
{
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    if (QFileInfo(absolute).isDir())
        return true;
    const QString parent = QFileInfo(absolute).path();
    if (parent != absolute && !makeOwnerOnlyPath(parent))
        return false;
    return QDir().mkdir(absolute, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner) ||
           QFileInfo(absolute).isDir();
}

} // namespace

QByteArray AwsCliCacheFile::toPythonJson(const Fields &fields)
{
    QByteArray out = "{";
    bool first = true;
    for (const auto &[key, value] : fields) {
        if (!first)
            out += ", ";
        first = false;
        appendPythonString(out, key);
        out += ": ";
        appendPythonValue(out, value);
    }
    out += '}';
    return out;
}

QByteArray AwsCliCacheFile::toPythonJson(const QJsonValue &value)
{
    QByteArray out;
    appendPythonValue(out, value);
    return out;
}

AwsResult<std::optional<QJsonObject>> AwsCliCacheFile::read(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return std::optional<QJsonObject>();
    if (!file.open(QIODevice::ReadOnly)) {
        return AwsError(AwsError::Category::Credentials,
                        tr("The IAM Identity Center cache file %1 cannot be read: %2.")
                            .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    // Real cache files are a few kilobytes; refuse to load anything huge.
    constexpr qint64 maxBytes = 1024 * 1024;
    QByteArray data = file.read(maxBytes + 1);
    QJsonParseError parseError;
    const QJsonDocument doc =
        data.size() > maxBytes ? QJsonDocument() : QJsonDocument::fromJson(data, &parseError);
    data.fill('\0');
    if (!doc.isObject()) {
        return AwsError(AwsError::Category::Credentials,
                        tr("The IAM Identity Center cache file %1 is not a JSON object. Sign in again to "
                           "replace it.")
                            .arg(QDir::toNativeSeparators(path)));
    }
    return std::optional<QJsonObject>(doc.object());
}

AwsResult<std::monostate> AwsCliCacheFile::write(const QString &path, const Fields &fields)
{
    const auto fail = [&](const QString &reason) {
        return AwsError(AwsError::Category::Io, tr("Cannot write the IAM Identity Center cache file %1: %2.")
                                                    .arg(QDir::toNativeSeparators(path), reason));
    };
    const QString folder = QFileInfo(path).path();
    if (!makeOwnerOnlyPath(folder))
        return fail(tr("the folder %1 cannot be created").arg(QDir::toNativeSeparators(folder)));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    // The temporary file gets the final permissions before a byte of a token is in it.
    if (!file.setPermissions(QFile::ReadOwner | QFile::WriteOwner)) {
        file.cancelWriting();
        return fail(file.errorString());
    }
    QByteArray content = toPythonJson(fields);
    const bool written = file.write(content) == content.size();
    content.fill('\0');
    if (!written) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fail(reason);
    }
    if (!file.commit())
        return fail(file.errorString());
    return std::monostate();
}

QDateTime AwsCliCacheFile::parseTime(const QString &text)
{
    QString trimmed = text.trimmed();
    if (trimmed.endsWith(u"UTC"))
        trimmed = trimmed.chopped(3) + u'Z';
    return Iso8601Timestamp::parse(trimmed);
}

QString AwsCliCacheFile::formatTime(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss'Z'"_s);
}

QDateTime AwsCliCacheFile::wholeSeconds(const QDateTime &time)
{
    return QDateTime::fromSecsSinceEpoch(time.toSecsSinceEpoch(), QTimeZone::utc());
}
