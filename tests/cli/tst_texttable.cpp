// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/TextTable.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestTextTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void widths_data();
    void widths();
    void fitCutsAndPads();
    void rendersAligned();
    void sanitizesControlCharacters();
};

void TestTextTable::widths_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::newRow("ascii") << u"alice"_s << 5;
    QTest::newRow("accents") << u"José Müller"_s << 11;
    QTest::newRow("combining") << u"e\u0301"_s << 1;
    QTest::newRow("cjk") << u"山田太郎"_s << 8;
    QTest::newRow("hangul") << u"김민준"_s << 6;
    QTest::newRow("arabic") << u"محمد"_s << 4;
    QTest::newRow("empty") << QString() << 0;
}

void TestTextTable::widths()
{
    QFETCH(QString, text);
    QFETCH(int, width);
    QCOMPARE(TextTable::displayWidth(text), width);
}

void TestTextTable::fitCutsAndPads()
{
    QCOMPARE(TextTable::fit(u"abc"_s, 5), u"abc  "_s);
    QCOMPARE(TextTable::fit(u"abcdef"_s, 4), u"abc…"_s);
    // A wide character that does not fit is not split: the cell is padded instead.
    QCOMPARE(TextTable::displayWidth(TextTable::fit(u"山田太郎"_s, 6)), 6);
    QCOMPARE(TextTable::fit(u"山田太郎"_s, 6), u"山田… "_s);
}

void TestTextTable::rendersAligned()
{
    TextTable table({u"ID"_s, u"User"_s, u"Status"_s});
    table.addRow({u"1"_s, u"山田"_s, u"Active"_s});
    table.addRow({u"22"_s, u"bob"_s, u"Terminated"_s});
    const QStringList lines = table.render().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0), u"ID  User  Status"_s);
    QCOMPARE(lines.at(1), u"--  ----  ----------"_s);
    QCOMPARE(lines.at(2), u"1   山田  Active"_s);
    QCOMPARE(lines.at(3), u"22  bob   Terminated"_s);
}

void TestTextTable::sanitizesControlCharacters()
{
    QCOMPARE(TextTable::sanitize(u"a\nb\tc\x1b[31m"_s), u"a\\nb\\tc\\x1b[31m"_s);
}

QTEST_GUILESS_MAIN(TestTextTable)
#include "tst_texttable.moc"
