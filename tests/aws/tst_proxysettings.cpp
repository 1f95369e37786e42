// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/transport/NoProxyMatcher.h"
#include "aws/transport/ProxySettings.h"

#include <QTest>

using namespace Qt::StringLiterals;

// NO_PROXY matching, the environment's proxy variables and proxy URLs as botocore reads them (the
// expectations of the botocore rows were checked against Python's urllib.request.proxy_bypass_environment
// and getproxies_environment, which botocore calls).
class TestProxySettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noProxyMatching_data();
    void noProxyMatching();
    void environmentVariables_data();
    void environmentVariables();
    void proxyUrlsWithoutScheme_data();
    void proxyUrlsWithoutScheme();
    void proxyForChoosesBySchemeWithCredentials();
    void otherModes();
    void displayUrlNeverShowsThePassword();
    void unusableProxiesAreNamedWithoutPassword_data();
    void unusableProxiesAreNamedWithoutPassword();
};

void TestProxySettings::noProxyMatching_data()
{
    QTest::addColumn<QString>("noProxy");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("bypass");

    const QString aws = u"https://workspaces-web.us-east-1.amazonaws.com"_s;
    QTest::newRow("empty list") << u""_s << aws << false;
    QTest::newRow("domain without dot") << u"amazonaws.com"_s << aws << true;
    QTest::newRow("domain with dot") << u".amazonaws.com"_s << aws << true;
    QTest::newRow("domain itself") << u"amazonaws.com"_s << u"https://amazonaws.com"_s << true;
    QTest::newRow("dotted domain itself") << u".amazonaws.com"_s << u"https://amazonaws.com"_s << true;
    QTest::newRow("not a label boundary") << u"zonaws.com"_s << aws << false;
    QTest::newRow("other domain") << u"example.com"_s << aws << false;
    QTest::newRow("case") << u"AmazonAWS.COM"_s << u"https://WORKSPACES-WEB.us-east-1.amazonaws.com"_s
                          << true;
    QTest::newRow("one of several") << u"example.com, amazonaws.com"_s << aws << true;
    QTest::newRow("spaces and empty entries") << u" , example.com ,, .amazonaws.com "_s << aws << true;
    QTest::newRow("star") << u"*"_s << aws << true;
    QTest::newRow("star among others (botocore: no)") << u"example.com,*"_s << aws << false;
    QTest::newRow("ip") << u"127.0.0.1"_s << u"https://127.0.0.1:8443"_s << true;
    QTest::newRow("other ip") << u"127.0.0.2"_s << u"https://127.0.0.1:8443"_s << false;
    QTest::newRow("ip suffix (urllib)") << u"0.0.1"_s << u"http://127.0.0.1:8443"_s << true;
    QTest::newRow("ip with its port") << u"127.0.0.1:8443"_s << u"https://127.0.0.1:8443"_s << true;
    QTest::newRow("ip with another port") << u"127.0.0.1:9443"_s << u"https://127.0.0.1:8443"_s << false;
    QTest::newRow("port only when explicit") << u"example.com:443"_s << u"https://example.com"_s << false;
    QTest::newRow("name with port") << u"example.com:8443"_s << u"https://api.example.com:8443"_s << true;
    QTest::newRow("localhost is proxied") << u"example.com"_s << u"http://localhost:8080"_s << false;
    QTest::newRow("localhost") << u"localhost"_s << u"http://localhost:8080"_s << true;
    QTest::newRow("ipv6 in brackets") << u"[::1]"_s << u"https://[::1]:8443"_s << true;
    QTest::newRow("ipv6 with port") << u"[::1]:8443"_s << u"https://[::1]:8443"_s << true;
    // Beyond botocore: CIDR ranges, IPv6 without brackets, a "*" with spaces around it.
    QTest::newRow("star with spaces") << u" * "_s << aws << true;
    QTest::newRow("ipv6 without brackets") << u"::1"_s << u"https://[::1]:8443"_s << true;
    QTest::newRow("cidr") << u"127.0.0.0/8"_s << u"https://127.0.0.1:8443"_s << true;
    QTest::newRow("cidr other range") << u"10.0.0.0/8"_s << u"https://127.0.0.1:8443"_s << false;
    QTest::newRow("cidr /32") << u"127.0.0.1/32"_s << u"https://127.0.0.1:8443"_s << true;
    QTest::newRow("cidr ipv6") << u"fd00::/8"_s << u"https://[fd12::1]"_s << true;
    QTest::newRow("cidr against a name") << u"10.0.0.0/8"_s << aws << false;
    QTest::newRow("bad cidr") << u"10.0.0.0/99"_s << u"https://10.1.1.1"_s << false;
    QTest::newRow("metadata service") << u"169.254.169.254"_s << u"http://169.254.169.254/latest"_s << true;
}

void TestProxySettings::noProxyMatching()
{
    QFETCH(QString, noProxy);
    QFETCH(QString, url);
    QFETCH(bool, bypass);
    QCOMPARE(NoProxyMatcher(NoProxyMatcher::split(noProxy)).bypasses(QUrl(url)), bypass);
}

void TestProxySettings::environmentVariables_data()
{
    QTest::addColumn<QStringList>("assignments");
    QTest::addColumn<QString>("https");
    QTest::addColumn<QString>("http");
    QTest::addColumn<QStringList>("noProxy");
    QTest::addColumn<QString>("source");

    QTest::newRow("nothing") << QStringList{} << u""_s << u""_s << QStringList{} << u""_s;
    QTest::newRow("upper case") << QStringList{u"HTTPS_PROXY=http://a:1"_s, u"HTTP_PROXY=http://b:2"_s}
                                << u"http://a:1"_s << u"http://b:2"_s << QStringList{}
                                << u"HTTPS_PROXY, HTTP_PROXY"_s;
    QTest::newRow("lower case wins") << QStringList{u"HTTPS_PROXY=http://a:1"_s, u"https_proxy=http://c:3"_s}
                                     << u"http://c:3"_s << u""_s << QStringList{} << u"https_proxy"_s;
    QTest::newRow("empty lower case switches upper case off")
        << QStringList{u"HTTPS_PROXY=http://a:1"_s, u"https_proxy="_s} << u""_s << u""_s << QStringList{}
        << u""_s;
    QTest::newRow("empty upper case")
        << QStringList{u"HTTPS_PROXY="_s} << u""_s << u""_s << QStringList{} << u""_s;
    QTest::newRow("no_proxy wins") << QStringList{u"NO_PROXY=a.com"_s, u"no_proxy=b.com,.c.com"_s} << u""_s
                                   << u""_s << QStringList{u"b.com"_s, u".c.com"_s} << u"no_proxy"_s;
    QTest::newRow("NO_PROXY") << QStringList{u"HTTPS_PROXY=p:8"_s, u"NO_PROXY=amazonaws.com"_s}
                              << u"http://p:8"_s << u""_s << QStringList{u"amazonaws.com"_s}
                              << u"HTTPS_PROXY, NO_PROXY"_s;
    QTest::newRow("CGI ignores HTTP_PROXY")
        << QStringList{u"REQUEST_METHOD=GET"_s, u"HTTP_PROXY=http://evil:1"_s, u"HTTPS_PROXY=http://a:1"_s}
        << u"http://a:1"_s << u""_s << QStringList{} << u"HTTPS_PROXY"_s;
    QTest::newRow("CGI keeps http_proxy") << QStringList{u"REQUEST_METHOD=GET"_s, u"http_proxy=http://b:2"_s}
                                          << u""_s << u"http://b:2"_s << QStringList{} << u"http_proxy"_s;
}

void TestProxySettings::environmentVariables()
{
    QFETCH(QStringList, assignments);
    QFETCH(QString, https);
    QFETCH(QString, http);
    QFETCH(QStringList, noProxy);
    QFETCH(QString, source);
    QProcessEnvironment env;
    for (const QString &assignment : std::as_const(assignments))
        env.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
    const ProxySettings settings = ProxySettings::fromEnvironment(env);
    QCOMPARE(settings.mode, ProxySettings::Mode::Environment);
    QCOMPARE(settings.httpsProxy.toString(), https);
    QCOMPARE(settings.httpProxy.toString(), http);
    QCOMPARE(settings.noProxy, noProxy);
    QCOMPARE(settings.source, source);
    QVERIFY(settings.problem().isEmpty());
}

void TestProxySettings::proxyUrlsWithoutScheme_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("url");
    QTest::newRow("host:port") << u"proxy.example.com:3128"_s << u"http://proxy.example.com:3128"_s;
    QTest::newRow("//host:port") << u"//proxy:3128"_s << u"http://proxy:3128"_s;
    QTest::newRow("http") << u"http://proxy:3128"_s << u"http://proxy:3128"_s;
    QTest::newRow("credentials") << u"alice:p%40ss@proxy:3128"_s << u"http://alice:p%40ss@proxy:3128"_s;
    QTest::newRow("socks5") << u"socks5://proxy:1080"_s << u"socks5://proxy:1080"_s;
    QTest::newRow("empty") << u"  "_s << u""_s;
}

void TestProxySettings::proxyUrlsWithoutScheme()
{
    QFETCH(QString, value);
    QFETCH(QString, url);
    QCOMPARE(ProxySettings::parseProxyUrl(value).toString(), url);
}

void TestProxySettings::proxyForChoosesBySchemeWithCredentials()
{
    QProcessEnvironment env;
    env.insert(u"HTTPS_PROXY"_s, u"alice:p%40ss@secure.example.com:3128"_s);
    env.insert(u"HTTP_PROXY"_s, u"plain.example.com"_s);
    env.insert(u"NO_PROXY"_s, u"internal.example.com"_s);
    const ProxySettings settings = ProxySettings::fromEnvironment(env);

    const QNetworkProxy https = settings.proxyFor(QUrl(u"https://workspaces-web.us-east-1.amazonaws.com"_s));
    QCOMPARE(https.type(), QNetworkProxy::HttpProxy);
    QCOMPARE(https.hostName(), u"secure.example.com"_s);
    QCOMPARE(https.port(), quint16(3128));
    QCOMPARE(https.user(), u"alice"_s);
    QCOMPARE(https.password(), u"p@ss"_s);

    const QNetworkProxy http = settings.proxyFor(QUrl(u"http://127.0.0.1:9000/"_s));
    QCOMPARE(http.type(), QNetworkProxy::HttpProxy);
    QCOMPARE(http.hostName(), u"plain.example.com"_s);
    QCOMPARE(http.port(), quint16(80)); // urllib3's default port for an http proxy
    QVERIFY(http.user().isEmpty());

    QCOMPARE(settings.proxyFor(QUrl(u"https://api.internal.example.com"_s)).type(), QNetworkProxy::NoProxy);
    QCOMPARE(ProxySettings::hostAndPort(https), u"secure.example.com:3128"_s);

    ProxySettings socks;
    socks.mode = ProxySettings::Mode::Manual;
    socks.httpsProxy = ProxySettings::parseProxyUrl(u"socks5h://gate:1081"_s);
    const QNetworkProxy viaSocks = socks.proxyFor(QUrl(u"https://example.com"_s));
    QCOMPARE(viaSocks.type(), QNetworkProxy::Socks5Proxy);
    QCOMPARE(viaSocks.port(), quint16(1081));
    QCOMPARE(socks.proxyFor(QUrl(u"http://example.com"_s)).type(), QNetworkProxy::NoProxy);
}

void TestProxySettings::otherModes()
{
    ProxySettings none;
    none.mode = ProxySettings::Mode::None;
    none.httpsProxy = QUrl(u"http://ignored:1"_s);
    QCOMPARE(none.proxyFor(QUrl(u"https://example.com"_s)).type(), QNetworkProxy::NoProxy);
    QCOMPARE(none.displayUrl(), u"none"_s);

    ProxySettings system;
    system.mode = ProxySettings::Mode::System;
    QCOMPARE(system.displayUrl(), u"the system's proxy settings"_s);
    QVERIFY(system.problem().isEmpty());

    QCOMPARE(ProxySettings().displayUrl(), u"none"_s);
    QCOMPARE(ProxySettings().proxyFor(QUrl(u"https://example.com"_s)).type(), QNetworkProxy::NoProxy);
}

void TestProxySettings::displayUrlNeverShowsThePassword()
{
    QProcessEnvironment env;
    env.insert(u"HTTPS_PROXY"_s, u"http://alice:TopSecret99@proxy:3128"_s);
    ProxySettings settings = ProxySettings::fromEnvironment(env);
    QCOMPARE(settings.displayUrl(), u"https: http://alice:***@proxy:3128, http: direct"_s);

    env.insert(u"HTTP_PROXY"_s, u"http://alice:TopSecret99@proxy:3128"_s);
    env.insert(u"NO_PROXY"_s, u"localhost,.corp"_s);
    settings = ProxySettings::fromEnvironment(env);
    QCOMPARE(settings.displayUrl(), u"http://alice:***@proxy:3128; not for: localhost, .corp"_s);
    QVERIFY(!settings.displayUrl().contains(u"TopSecret99"_s));
    QCOMPARE(ProxySettings::displayUrl(QUrl(u"http://proxy:3128"_s)), u"http://proxy:3128"_s);
}

void TestProxySettings::unusableProxiesAreNamedWithoutPassword_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("https proxy") << u"https://bob:TopSecret99@proxy:3128"_s
                                 << u"https://bob:***@proxy:3128"_s;
    QTest::newRow("unknown scheme") << u"ftp://bob:TopSecret99@proxy:21"_s << u"ftp"_s;
    QTest::newRow("no host") << u"http://:3128"_s << u"not a URL with a host"_s;
}

void TestProxySettings::unusableProxiesAreNamedWithoutPassword()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QProcessEnvironment env;
    env.insert(u"HTTPS_PROXY"_s, value);
    const QString problem = ProxySettings::fromEnvironment(env).problem();
    QVERIFY2(problem.contains(expected), qPrintable(problem));
    QVERIFY2(problem.contains(u"HTTPS_PROXY"_s), qPrintable(problem));
    QVERIFY2(!problem.contains(u"TopSecret99"_s), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestProxySettings)
#include "tst_proxysettings.moc"
