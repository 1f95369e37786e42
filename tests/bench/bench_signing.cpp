// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Signing throughput of SigV4Signer (not a test; run_bench.py runs it). Usage:
//   bench_signing REQUESTS.jsonl [MIN_SECONDS]
// Generates a fixed, realistic mix of requests (ListSessions with tokens and filters, GetSession,
// ExpireSession, Q Apps reads and updates; half with a session token), writes them with our Authorization
// header to REQUESTS.jsonl (botocore_signing.py signs the very same requests, checks it gets the same
// headers, and times itself), then signs them over and over for at least MIN_SECONDS (default 2; at most
// 2,000 passes) and prints one JSON result line.
#include "BenchMeasure.h"

#include "aws/credentials/AwsCredentials.h"
#include "aws/signing/SigV4Signer.h"
#include "aws/transport/AwsRequest.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace {

constexpr int requestCount = 1000;
constexpr int maxPasses = 2000;

struct Signable
{
    AwsRequest request;
    AwsCredentials credentials;
    QString region;
    QString service;
    QDateTime now;
};

QString uuid(QRandomGenerator &random)
{
    return QString::asprintf("%08x-%04x-4%03x-%04x-%08x%04x", random.generate(), random.bounded(0x10000),
                             random.bounded(0x1000), 0x8000 | random.bounded(0x4000), random.generate(),
                             random.bounded(0x10000));
}

QString token(QRandomGenerator &random, int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    QString text;
    text.reserve(length + 2);
    for (int i = 0; i < length; ++i)
        text.append(QChar::fromLatin1(alphabet[random.bounded(64)]));
    return text + u"=="_s;
}

QList<Signable> generateRequests()
{
    QRandomGenerator random(20261130);
    const AwsCredentials longTerm{u"AKIABENCHMARKEXAMPLE"_s, u"bench/Secret+Key/OnlyForTheBenchmark0000"_s,
                                  QString(), QDateTime(), QString()};
    AwsCredentials temporary = longTerm;
    temporary.accessKeyId = u"ASIABENCHMARKEXAMPLE"_s;
    temporary.sessionToken = token(random, 600); // about the size of a real STS token
    const QStringList regions = {u"us-east-1"_s, u"eu-west-1"_s, u"ap-southeast-2"_s};
    const QStringList usernames = {u"maria.garcia@example.com"_s, u"jun li+ops@example.com"_s,
                                   u"Ingrid.Andersson@corp.example.org"_s, u"émile/ü@example.fr"_s};

    QList<Signable> list;
    list.reserve(requestCount);
    for (int i = 0; i < requestCount; ++i) {
        Signable s;
        s.credentials = i % 2 == 0 ? longTerm : temporary;
        s.region = regions.at(i % regions.size());
        s.now = QDateTime(QDate(2026, 11, 28 + i % 3), QTime(12, 34, 56), Qt::UTC);
        AwsRequest &r = s.request;
        r.setHeader("User-Agent", "sessionscope/0.1.0 bench");
        const int kind = i % 20;
        if (kind < 12) { // ListSessions, most of what a session browser sends
            s.service = u"workspaces-web"_s;
            r.endpoint = QUrl(u"https://workspaces-web.%1.amazonaws.com"_s.arg(s.region));
            r.appendPathSegment(u"portals"_s);
            r.appendPathSegment(uuid(random));
            r.appendPathSegment(u"sessions"_s);
            r.addQueryItem(u"maxResults"_s, u"100"_s);
            r.addQueryItem(u"sortBy"_s, kind % 2 ? u"StartTimeAscending"_s : u"StartTimeDescending"_s);
            if (kind % 3 == 0)
                r.addQueryItem(u"status"_s, u"Active"_s);
            if (kind % 4 == 1)
                r.addQueryItem(u"username"_s, usernames.at(i % usernames.size()));
            if (kind > 1)
                r.addQueryItem(u"nextToken"_s, token(random, 180));
        } else if (kind < 15) { // GetSession
            s.service = u"workspaces-web"_s;
            r.endpoint = QUrl(u"https://workspaces-web.%1.amazonaws.com"_s.arg(s.region));
            r.appendPathSegment(u"portals"_s);
            r.appendPathSegment(uuid(random));
            r.appendPathSegment(u"sessions"_s);
            r.appendPathSegment(uuid(random));
        } else if (kind < 16) { // ExpireSession
            s.service = u"workspaces-web"_s;
            r.method = "DELETE";
            r.endpoint = QUrl(u"https://workspaces-web.%1.amazonaws.com"_s.arg(s.region));
            r.appendPathSegment(u"portals"_s);
            r.appendPathSegment(uuid(random));
            r.appendPathSegment(u"sessions"_s);
            r.appendPathSegment(uuid(random));
        } else if (kind < 18) { // GetQAppSessionMetadata
            s.service = u"qapps"_s;
            r.endpoint = QUrl(u"https://data.qapps.%1.amazonaws.com"_s.arg(s.region));
            r.appendPathSegment(u"runtime.getQAppSessionMetadata"_s);
            r.addQueryItem(u"sessionId"_s, uuid(random));
            r.setHeader("instance-id", uuid(random).toLatin1());
        } else { // UpdateQAppSessionMetadata
            s.service = u"qapps"_s;
            r.method = "POST";
            r.endpoint = QUrl(u"https://data.qapps.%1.amazonaws.com"_s.arg(s.region));
            r.appendPathSegment(u"runtime.updateQAppSessionMetadata"_s);
            r.setHeader("instance-id", uuid(random).toLatin1());
            r.setHeader("Content-Type", "application/json");
            r.body = QJsonDocument(QJsonObject{{u"sessionId"_s, uuid(random)},
                                               {u"sessionName"_s, u"Quarterly review"_s},
                                               {u"sharingConfiguration"_s,
                                                QJsonObject{{u"enabled"_s, true},
                                                            {u"acceptResponses"_s, kind % 2 == 0},
                                                            {u"revealCards"_s, false}}}})
                         .toJson(QJsonDocument::Compact);
        }
        list.append(std::move(s));
    }
    return list;
}

QJsonArray pairs(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QJsonArray array;
    for (const auto &[name, value] : headers)
        array.append(QJsonArray{QString::fromLatin1(name), QString::fromUtf8(value)});
    return array;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2 || arguments.size() > 3) {
        BenchMeasure::note(u"usage: bench_signing REQUESTS.jsonl [MIN_SECONDS]"_s);
        return 2;
    }
    const double minSeconds = arguments.size() == 3 ? std::clamp(arguments.at(2).toDouble(), 0.1, 60.0) : 2.0;

    QList<Signable> requests = generateRequests();
    const SigV4Signer signer;

    // The request file: each request as it is before signing, and the Authorization we give it.
    QFile file(arguments.at(1));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        BenchMeasure::note(u"bench_signing: cannot write "_s + arguments.at(1));
        return 1;
    }
    for (const Signable &s : std::as_const(requests)) {
        AwsRequest signedCopy = s.request;
        signer.sign(signedCopy, s.credentials, s.region, s.service, s.now);
        const QJsonObject line{
            {u"method"_s, QString::fromLatin1(s.request.method)},
            {u"url"_s, s.request.url().toString(QUrl::FullyEncoded)},
            {u"headers"_s, pairs(s.request.headers)},
            {u"body"_s, QString::fromLatin1(s.request.body.toBase64())},
            {u"accessKey"_s, s.credentials.accessKeyId},
            {u"secretKey"_s, s.credentials.secretAccessKey},
            {u"token"_s, s.credentials.sessionToken},
            {u"region"_s, s.region},
            {u"service"_s, s.service},
            {u"timestamp"_s, s.now.toString(u"yyyyMMdd'T'HHmmss'Z'"_s)},
            {u"authorization"_s, QString::fromLatin1(signedCopy.header("Authorization"))},
        };
        file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    }
    if (!file.flush()) {
        BenchMeasure::note(u"bench_signing: cannot write "_s + arguments.at(1));
        return 1;
    }
    file.close();

    // Warm-up pass (first signing of each request adds its headers), then timed passes.
    for (Signable &s : requests)
        signer.sign(s.request, s.credentials, s.region, s.service, s.now);
    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = BenchMeasure::cpuSeconds();
    qint64 signatures = 0;
    qint64 checksum = 0;
    int passes = 0;
    while (passes < maxPasses && (passes == 0 || double(timer.nsecsElapsed()) / 1e9 < minSeconds)) {
        for (Signable &s : requests) {
            signer.sign(s.request, s.credentials, s.region, s.service, s.now);
            checksum += s.request.header("Authorization").size();
        }
        signatures += requests.size();
        ++passes;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double cpu = BenchMeasure::cpuSeconds() - cpuBefore;
    BenchMeasure::emitResult(QJsonObject{
        {u"bench"_s, u"signing"_s},
        {u"requests"_s, requestCount},
        {u"passes"_s, passes},
        {u"signatures"_s, signatures},
        {u"seconds"_s, seconds},
        {u"cpuSeconds"_s, cpu},
        {u"signaturesPerSecond"_s, double(signatures) / seconds},
        {u"microsecondsPerSignature"_s, seconds * 1e6 / double(signatures)},
        {u"checksum"_s, checksum},
    });
    return 0;
}
