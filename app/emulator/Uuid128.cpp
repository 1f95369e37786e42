// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/Uuid128.h"

#include "emulator/DeterministicRandom.h"

namespace {

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    return -1;
}

bool isDashPosition(qsizetype i)
{
    return i == 8 || i == 13 || i == 18 || i == 23;
}

} // namespace

Uuid128 Uuid128::generateV4(DeterministicRandom &random)
{
    Uuid128 uuid;
    uuid.hi = (random.next() & ~quint64(0xF000)) | quint64(0x4000);           // version 4
    uuid.lo = (random.next() & ~(quint64(0xC) << 60)) | (quint64(0x8) << 60); // variant 10xx
    return uuid;
}

std::optional<Uuid128> Uuid128::fromString(QStringView text)
{
    if (text.size() != 36)
        return std::nullopt;
    Uuid128 uuid;
    int nibbles = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (isDashPosition(i)) {
            if (text[i] != u'-')
                return std::nullopt;
            continue;
        }
        const int v = hexValue(text[i]);
        if (v < 0)
            return std::nullopt;
        quint64 &half = nibbles < 16 ? uuid.hi : uuid.lo;
        half = (half << 4) | quint64(v);
        ++nibbles;
    }
    return uuid;
}

QString Uuid128::toString() const
{
    static constexpr char16_t digits[] = u"0123456789abcdef";
    QString out(36, Qt::Uninitialized);
    QChar *data = out.data();
    int nibble = 0;
    for (qsizetype i = 0; i < 36; ++i) {
        if (isDashPosition(i)) {
            data[i] = u'-';
            continue;
        }
        const quint64 half = nibble < 16 ? hi : lo;
        const int shift = 60 - 4 * (nibble % 16);
        data[i] = QChar(digits[(half >> shift) & 0xF]);
        ++nibble;
    }
    return out;
}
