// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/ListSessionsScanner.h"

#include "api/ApiJson.h"

#include <QDateTime>

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

namespace {

// Unknown values nested deeper than this are left to the general decoder.
constexpr int maxDepth = 32;

// Bytes that end a run of plain string content: the closing quote, an escape, a control character.
constexpr auto special = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 0x20; ++c)
        table[size_t(c)] = true;
    table['"'] = true;
    table['\\'] = true;
    return table;
}();

// A JSON reader over the answer's bytes. Every method returns false to give up; it never throws and
// never reads past the end.
class Cursor
{
public:
    explicit Cursor(const QByteArray &body)
        : m_p(body.constData())
        , m_end(body.constData() + body.size())
    {}

    bool atEnd() const { return m_p == m_end; }

    void skipSpace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool take(char c)
    {
        skipSpace();
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }

    bool peek(char c)
    {
        skipSpace();
        return m_p != m_end && *m_p == c;
    }

    bool literal(const char *word)
    {
        const size_t length = std::strlen(word);
        if (size_t(m_end - m_p) < length || std::memcmp(m_p, word, length) != 0)
            return false;
        m_p += length;
        return true;
    }

    bool takeNull()
    {
        skipSpace();
        return literal("null");
    }

    // A string as UTF-8 bytes, checked: a view into the answer itself unless it holds escapes (then they
    // are resolved into `scratch`).
    bool utf8String(QByteArray *scratch, QByteArrayView *out)
    {
        if (!take('"'))
            return false;
        const char *begin = m_p;
        uchar seen = 0;
        while (m_p != m_end && !special[uchar(*m_p)]) {
            seen |= uchar(*m_p);
            ++m_p;
        }
        if (m_p == m_end)
            return false;
        if (*m_p == '"') {
            if (seen >= 0x80 && !validUtf8(begin, m_p))
                return false;
            *out = QByteArrayView(begin, m_p - begin);
            ++m_p;
            return true;
        }
        if (*m_p != '\\')
            return false; // a raw control character
        if (seen >= 0x80 && !validUtf8(begin, m_p))
            return false;
        QByteArray &utf8 = *scratch;
        utf8 = QByteArray(begin, m_p - begin);
        while (true) {
            const char *run = m_p;
            seen = 0;
            while (m_p != m_end && !special[uchar(*m_p)]) {
                seen |= uchar(*m_p);
                ++m_p;
            }
            if (m_p == m_end || (seen >= 0x80 && !validUtf8(run, m_p)))
                return false;
            utf8.append(run, m_p - run);
            if (*m_p == '"') {
                ++m_p;
                *out = QByteArrayView(utf8);
                return true;
            }
            if (*m_p != '\\')
                return false;
            ++m_p; // the backslash
            if (m_p == m_end)
                return false;
            const char escape = *m_p++;
            switch (escape) {
            case '"':
            case '\\':
            case '/':
                utf8.append(escape);
                break;
            case 'b':
                utf8.append('\b');
                break;
            case 'f':
                utf8.append('\f');
                break;
            case 'n':
                utf8.append('\n');
                break;
            case 'r':
                utf8.append('\r');
                break;
            case 't':
                utf8.append('\t');
                break;
            case 'u': {
                uint code = 0;
                for (int i = 0; i < 4; ++i) {
                    if (m_p == m_end)
                        return false;
                    const char h = *m_p++;
                    code <<= 4;
                    if (h >= '0' && h <= '9')
                        code |= uint(h - '0');
                    else if (h >= 'a' && h <= 'f')
                        code |= uint(h - 'a' + 10);
                    else if (h >= 'A' && h <= 'F')
                        code |= uint(h - 'A' + 10);
                    else
                        return false;
                }
                // Surrogates (paired or not) and noncharacters: the general decoder knows best.
                if ((code >= 0xD800 && code <= 0xDFFF) || (code >= 0xFDD0 && code <= 0xFDEF) ||
                    code >= 0xFFFE)
                    return false;
                if (code < 0x80) {
                    utf8.append(char(code));
                } else if (code < 0x800) {
                    utf8.append(char(0xC0 | (code >> 6)));
                    utf8.append(char(0x80 | (code & 0x3F)));
                } else {
                    utf8.append(char(0xE0 | (code >> 12)));
                    utf8.append(char(0x80 | ((code >> 6) & 0x3F)));
                    utf8.append(char(0x80 | (code & 0x3F)));
                }
                break;
            }
            default:
                return false;
            }
        }
    }

    // An object key and its colon. Keys are compared, never kept, so most need no allocation.
    bool key(QByteArray *scratch, QByteArrayView *out) { return utf8String(scratch, out) && take(':'); }

    // A string value.
    bool string(QString *out)
    {
        QByteArray scratch;
        QByteArrayView utf8;
        if (!utf8String(&scratch, &utf8))
            return false;
        *out = QString::fromUtf8(utf8);
        return true;
    }

    // A number in JSON's grammar, as the nearest double.
    bool number(double *out)
    {
        skipSpace();
        const char *begin = m_p;
        const char *p = m_p;
        if (p != m_end && *p == '-')
            ++p;
        if (p == m_end)
            return false;
        if (*p == '0') {
            ++p;
        } else if (*p >= '1' && *p <= '9') {
            while (p != m_end && *p >= '0' && *p <= '9')
                ++p;
        } else {
            return false;
        }
        if (p != m_end && *p == '.') {
            ++p;
            if (p == m_end || *p < '0' || *p > '9')
                return false;
            while (p != m_end && *p >= '0' && *p <= '9')
                ++p;
        }
        if (p != m_end && (*p == 'e' || *p == 'E')) {
            ++p;
            if (p != m_end && (*p == '+' || *p == '-'))
                ++p;
            if (p == m_end || *p < '0' || *p > '9')
                return false;
            while (p != m_end && *p >= '0' && *p <= '9')
                ++p;
        }
        const auto [end, error] = std::from_chars(begin, p, *out);
        if (error != std::errc() || end != p)
            return false;
        m_p = p;
        return true;
    }

    // Skips any value (of a field nobody asked for), checking its syntax.
    bool skipValue(int depth)
    {
        if (depth > maxDepth)
            return false;
        skipSpace();
        if (m_p == m_end)
            return false;
        switch (*m_p) {
        case '"': {
            QByteArray scratch;
            QByteArrayView ignored;
            return utf8String(&scratch, &ignored);
        }
        case '{': {
            ++m_p;
            if (take('}'))
                return true;
            do {
                QByteArray scratch;
                QByteArrayView name;
                if (!key(&scratch, &name) || !skipValue(depth + 1))
                    return false;
            } while (take(','));
            return take('}');
        }
        case '[': {
            ++m_p;
            if (take(']'))
                return true;
            do {
                if (!skipValue(depth + 1))
                    return false;
            } while (take(','));
            return take(']');
        }
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default: {
            double ignored = 0;
            return number(&ignored);
        }
        }
    }

private:
    // Well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF) without Unicode
    // noncharacters.
    static bool validUtf8(const char *begin, const char *end)
    {
        const auto *p = reinterpret_cast<const uchar *>(begin);
        const auto *e = reinterpret_cast<const uchar *>(end);
        while (p != e) {
            const uchar b = *p;
            if (b < 0x80) {
                ++p;
                continue;
            }
            int length = 0;
            uint code = 0;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
                code = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                code = b & 0x0F;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                code = b & 0x07;
            } else {
                return false;
            }
            if (e - p < length)
                return false;
            for (int i = 1; i < length; ++i) {
                if ((p[i] & 0xC0) != 0x80)
                    return false;
                code = (code << 6) | (p[i] & 0x3F);
            }
            if ((length == 3 && code < 0x800) || (length == 4 && (code < 0x10000 || code > 0x10FFFF)))
                return false;
            if ((code >= 0xD800 && code <= 0xDFFF) || (code >= 0xFDD0 && code <= 0xFDEF) ||
                (code & 0xFFFE) == 0xFFFE)
                return false;
            p += length;
        }
        return true;
    }

    const char *m_p;
    const char *m_end;
};

// An optional string field: a string, or null (absent).
bool optionalString(Cursor &cursor, QString *out)
{
    if (cursor.peek('"'))
        return cursor.string(out);
    if (cursor.takeNull()) {
        out->clear();
        return true;
    }
    return false;
}

// The last text a field had: the next session with the same text (its portal ARN, its status) shares
// that QString instead of allocating its own.
struct Reused
{
    QByteArray bytes;
    QString text;
};

bool reusedString(Cursor &cursor, Reused *reused, QString *out)
{
    QByteArray scratch;
    QByteArrayView utf8;
    if (!cursor.utf8String(&scratch, &utf8))
        return false;
    if (reused->text.isNull() || utf8 != QByteArrayView(reused->bytes)) {
        reused->bytes = utf8.toByteArray();
        reused->text = QString::fromUtf8(utf8);
    }
    *out = reused->text;
    return true;
}

bool timestamp(Cursor &cursor, QDateTime *out)
{
    double seconds = 0;
    if (!cursor.number(&seconds) || !ApiJson::isPlausibleEpochSeconds(seconds))
        return false;
    *out = QDateTime::fromMSecsSinceEpoch(std::llround(seconds * 1000.0), Qt::UTC);
    return true;
}

bool session(Cursor &cursor, SessionSummary *out, Reused *status, Reused *portalArn)
{
    enum Field : unsigned {
        SessionId = 1,
        Username = 2,
        Status = 4,
        StartTime = 8,
        EndTime = 16,
        PortalArn = 32
    };
    unsigned seen = 0;
    const auto first = [&seen](unsigned field) {
        if (seen & field)
            return false; // a repeated key: leave it to the general decoder
        seen |= field;
        return true;
    };
    if (!cursor.take('{'))
        return false;
    if (!cursor.take('}')) {
        do {
            QByteArray scratch;
            QByteArrayView key;
            if (!cursor.key(&scratch, &key))
                return false;
            bool ok = true;
            if (key == "sessionId") {
                ok = first(SessionId) && cursor.peek('"') && cursor.string(&out->sessionId) &&
                     !out->sessionId.isEmpty();
            } else if (key == "username") {
                ok = first(Username) && optionalString(cursor, &out->username);
            } else if (key == "status") {
                ok = first(Status) && cursor.peek('"') && reusedString(cursor, status, &out->statusText) &&
                     !out->statusText.isEmpty();
            } else if (key == "startTime") {
                ok = first(StartTime) && timestamp(cursor, &out->startTime);
            } else if (key == "endTime") {
                ok = first(EndTime);
                if (ok && cursor.takeNull())
                    out->endTime = QDateTime();
                else
                    ok = ok && timestamp(cursor, &out->endTime);
            } else if (key == "portalArn") {
                ok = first(PortalArn);
                if (ok && cursor.peek('"'))
                    ok = reusedString(cursor, portalArn, &out->portalArn);
                else
                    ok = ok && optionalString(cursor, &out->portalArn);
            } else {
                ok = cursor.skipValue(1);
            }
            if (!ok)
                return false;
        } while (cursor.take(','));
        if (!cursor.take('}'))
            return false;
    }
    if ((seen & (SessionId | Status | StartTime)) != (SessionId | Status | StartTime))
        return false;
    out->status = SessionSummary::statusFromText(out->statusText);
    return true;
}

} // namespace

std::optional<SessionPage> ListSessionsScanner::scan(const QByteArray &body)
{
    Cursor cursor(body);
    SessionPage page;
    bool sawSessions = false;
    bool sawToken = false;
    if (!cursor.take('{'))
        return std::nullopt;
    if (!cursor.take('}')) {
        do {
            QByteArray scratch;
            QByteArrayView key;
            if (!cursor.key(&scratch, &key))
                return std::nullopt;
            if (key == "sessions") {
                if (sawSessions || !cursor.take('['))
                    return std::nullopt;
                sawSessions = true;
                if (!cursor.take(']')) {
                    page.sessions.reserve(100);
                    Reused status;
                    Reused portalArn;
                    do {
                        SessionSummary summary;
                        if (!session(cursor, &summary, &status, &portalArn))
                            return std::nullopt;
                        page.sessions.append(std::move(summary));
                    } while (cursor.take(','));
                    if (!cursor.take(']'))
                        return std::nullopt;
                }
            } else if (key == "nextToken") {
                if (sawToken || !optionalString(cursor, &page.nextToken))
                    return std::nullopt;
                sawToken = true;
            } else if (!cursor.skipValue(1)) {
                return std::nullopt;
            }
        } while (cursor.take(','));
        if (!cursor.take('}'))
            return std::nullopt;
    }
    cursor.skipSpace();
    if (!sawSessions || !cursor.atEnd())
        return std::nullopt;
    return page;
}
