// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The emulator's nextToken codec (PageTokenCodec). The whole input is tried as a token (as a client could
// send anything); its first 32 bytes also give a query hash and a position to encode. Checks: garbage
// is refused without a crash; a token that is accepted is exactly the encoding of what it decodes to
// (one spelling per token); every encoded token decodes to its position, is refused for another query
// and by an emulator with another seed, and fits the model's nextToken (at most 2048 characters, no
// spaces).
#include "FuzzSupport.h"

#include "emulator/PageTokenCodec.h"

#include <QtEndian>

using namespace Qt::StringLiterals;

namespace {

quint64 word(const QByteArray &bytes, int index)
{
    QByteArray padded = bytes.mid(index * 8, 8);
    padded.resize(8, '\0');
    return qFromBigEndian<quint64>(padded.constData());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const PageTokenCodec codec(1);
    static const PageTokenCodec otherSeed(2);
    const QByteArray bytes = FuzzSupport::bytes(data, size);

    // The input as a token, read as UTF-8 text as the emulator's query decoding does.
    const QString token = QString::fromUtf8(bytes);
    const quint64 hash = word(bytes, 0);
    const PageTokenCodec::Decoded decoded = codec.decode(token, hash);
    if (decoded.status == PageTokenCodec::Status::Ok)
        FUZZ_CHECK(codec.encode(hash, decoded.position) == token, token);

    // A position made of the input.
    SessionKey position;
    position.startMs = qint64(word(bytes, 1));
    position.id.hi = word(bytes, 2);
    position.id.lo = word(bytes, 3);
    const QString encoded = codec.encode(hash, position);
    FUZZ_CHECK(!encoded.isEmpty() && encoded.size() <= 2048 && !encoded.contains(u' '), encoded);
    const PageTokenCodec::Decoded roundTrip = codec.decode(encoded, hash);
    FUZZ_CHECK(roundTrip.status == PageTokenCodec::Status::Ok && roundTrip.position == position, encoded);
    FUZZ_CHECK(codec.decode(encoded, hash + 1).status == PageTokenCodec::Status::OtherQuery, encoded);
    FUZZ_CHECK(otherSeed.decode(encoded, hash).status == PageTokenCodec::Status::Invalid, encoded);
    return 0;
}
