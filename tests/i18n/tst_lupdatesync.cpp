// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TsCatalog.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

/// The committed catalogs hold exactly the texts of the code: lupdate, run over the sources into a copy of
/// each catalog, finds nothing new to translate and nothing that is gone. When this fails, run
/// translations/update.sh and translate what it adds (translations/README.md).
class TestLupdateSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyTranslatingSourceIsListed();
    void catalogsHoldTheCodesTexts_data();
    void catalogsHoldTheCodesTexts();

private:
    QString m_lupdate;
    QStringList m_sources;
    QStringList m_includes;
    QStringList m_options;
};

void TestLupdateSync::initTestCase()
{
    m_lupdate = QStringLiteral(SESSIONSCOPE_LUPDATE);
    if (!QFileInfo(m_lupdate).isExecutable())
        QSKIP(qPrintable(u"lupdate not found at %1 (Debian: qt6-l10n-tools)"_s.arg(m_lupdate)));
    m_sources = TsCatalog::listedInBuild(u"translatable-sources.txt"_s);
    m_includes = TsCatalog::listedInBuild(u"translation-includes.txt"_s);
    m_options = TsCatalog::listedInBuild(u"lupdate-options.txt"_s);
    QVERIFY2(!m_sources.isEmpty(), "translatable-sources.txt is missing from the build tree");
    QVERIFY(!m_includes.isEmpty());
    QVERIFY2(!m_options.isEmpty(), "lupdate-options.txt is missing from the build tree");
    for (const QString &source : std::as_const(m_sources))
        QVERIFY2(QFileInfo::exists(source), qPrintable(source + u" is listed but does not exist"_s));
}

void TestLupdateSync::everyTranslatingSourceIsListed()
{
    // lupdate reads only the files translations/CMakeLists.txt lists: a new file with tr() must be added
    // there, or its texts never reach a catalog. The emulator speaks for AWS, in English, on purpose.
    static const QRegularExpression translating(
        u"\\btr\\(\\s*R?\"|\\btranslate\\(\\s*\"|\\bQT_TR_N?_?NOOP\\(|\\bQT_TRANSLATE_N?_?NOOP\\("_s);
    const QString root = QStringLiteral(SESSIONSCOPE_SOURCE_DIR);
    const QSet<QString> listed(m_sources.cbegin(), m_sources.cend());
    QStringList unlisted;
    for (const QString &folder : {u"app"_s, u"ui"_s}) {
        QDirIterator it(root + u'/' + folder, {u"*.cpp"_s, u"*.h"_s}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = QFileInfo(it.next()).absoluteFilePath();
            if (path.contains(u"/app/emulator/"))
                continue;
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            if (QString::fromUtf8(file.readAll()).contains(translating) && !listed.contains(path))
                unlisted << path.mid(root.size() + 1);
        }
    }
    QVERIFY2(unlisted.isEmpty(),
             qPrintable(u"translatable text in files not listed in translations/CMakeLists.txt: "_s +
                        unlisted.join(u", "_s)));
}

void TestLupdateSync::catalogsHoldTheCodesTexts_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &path : TsCatalog::committedCatalogs())
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void TestLupdateSync::catalogsHoldTheCodesTexts()
{
    QFETCH(QString, path);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(path).fileName());
    QVERIFY(QFile::copy(path, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    // The options of translations/CMakeLists.txt, which update.sh reads too.
    QStringList arguments = m_options;
    for (const QString &include : std::as_const(m_includes))
        arguments << u"-I"_s << include;
    if (path.endsWith(u"_en.ts"))
        arguments << u"-pluralonly"_s;
    arguments << m_sources << u"-ts"_s << copy;
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(m_lupdate, arguments);
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    const QString output = QString::fromUtf8(lupdate.readAll());
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(output));

    // lupdate drops a tr() it cannot place in a context and only mentions it: such a text is never
    // translated.
    QStringList problems;
    for (const QString &line : output.split(u'\n')) {
        if (line.contains(u"cannot be called without context") ||
            line.contains(u"Cannot invoke tr() like this"))
            problems << u"lupdate cannot file this text under a context: "_s + line.trimmed();
    }

    QString error;
    const std::optional<TsCatalog> committed = TsCatalog::read(path, &error);
    QVERIFY2(committed, qPrintable(error));
    const std::optional<TsCatalog> updated = TsCatalog::read(copy, &error);
    QVERIFY2(updated, qPrintable(error));
    for (const TsMessage &m : updated->messages()) {
        const TsMessage *before = committed->find(m.context, m.source, m.comment);
        if (m.type == u"unfinished" && (!before || before->type == u"unfinished"))
            problems << u"not in the catalog: "_s + m.label();
    }
    for (const TsMessage &m : committed->messages()) {
        if (!updated->find(m.context, m.source, m.comment))
            problems << u"no longer in the code: "_s + m.label();
    }
    for (const QString &problem : std::as_const(problems))
        qWarning().noquote() << problem;
    QVERIFY2(problems.isEmpty(),
             qPrintable(u"%1 is out of step with the code (%2 problem(s) above): run translations/update.sh "
                        u"and translate what it adds"_s.arg(QFileInfo(path).fileName())
                            .arg(problems.size())));
}

QTEST_GUILESS_MAIN(TestLupdateSync)
#include "tst_lupdatesync.moc"
