// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/AccessKeyText.h"
#include "help/ShortcutCatalog.h"

#include <QTest>

using namespace Qt::StringLiterals;

/// Menu, button and label texts without their access key markers, in the forms the catalogs use.
class TestAccessKeyText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plain_data();
    void plain();
    void shortcutPageDropsTheEllipsisToo();
    void labelName_data();
    void labelName();
};

void TestAccessKeyText::plain_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("no key") << u"Refresh"_s << u"Refresh"_s;
    QTest::newRow("leading key") << u"&Refresh"_s << u"Refresh"_s;
    QTest::newRow("inner key") << u"Load &all pages"_s << u"Load all pages"_s;
    QTest::newRow("literal ampersand") << u"R&&D portal"_s << u"R&D portal"_s;
    QTest::newRow("literal and key") << u"&Save && close"_s << u"Save & close"_s;
    QTest::newRow("trailing lone marker") << u"Odd&"_s << u"Odd"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("Japanese") << u"更新(&R)"_s << u"更新"_s;
    QTest::newRow("Japanese with ellipsis") << u"エクスポート(&E)…"_s << u"エクスポート…"_s;
    QTest::newRow("Chinese after a space") << u"全部加载 (&A)"_s << u"全部加载"_s;
    QTest::newRow("full-width brackets") << u"ヘルプ（&H）"_s << u"ヘルプ"_s;
    QTest::newRow("Japanese label") << u"形式(&F):"_s << u"形式:"_s;
    QTest::newRow("brackets that are text") << u"Sessions (all)"_s << u"Sessions (all)"_s;
    QTest::newRow("bracketed literal ampersand") << u"A (&&) B"_s << u"A (&) B"_s;
}

void TestAccessKeyText::plain()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(AccessKeyText::plain(text), expected);
}

void TestAccessKeyText::shortcutPageDropsTheEllipsisToo()
{
    QCOMPARE(ShortcutCatalog::plainText(u"&Copy rows…"_s), u"Copy rows"_s);
    QCOMPARE(ShortcutCatalog::plainText(u"Export (&E)..."_s), u"Export"_s);
    QCOMPARE(ShortcutCatalog::plainText(u"エクスポート(&E)…"_s), u"エクスポート"_s);
    QCOMPARE(ShortcutCatalog::accessKey(u"エクスポート(&e)…"_s), u"E"_s);
}

void TestAccessKeyText::labelName_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("English") << u"&Format:"_s << u"Format"_s;
    QTest::newRow("no colon") << u"Rate"_s << u"Rate"_s;
    QTest::newRow("French space") << u"Format :"_s << u"Format"_s;
    QTest::newRow("Chinese full-width") << u"已写入的会话："_s << u"已写入的会话"_s;
    QTest::newRow("Japanese with key") << u"形式(&F)："_s << u"形式"_s;
    QTest::newRow("colon inside") << u"Time (UTC: yes):"_s << u"Time (UTC: yes)"_s;
}

void TestAccessKeyText::labelName()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(AccessKeyText::labelName(text), expected);
}

QTEST_GUILESS_MAIN(TestAccessKeyText)
#include "tst_accesskeytext.moc"
