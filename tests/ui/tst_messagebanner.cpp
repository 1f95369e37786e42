// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The inline message banner on its own: what it shows for each severity, its action button, being
// dismissed or cleared, and a tint that follows the palette it sits in.
#include "common/MessageBanner.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

using Severity = MessageBanner::Severity;

namespace {

/// How far apart two colours are: the largest difference of one channel, 0 to 255.
int distance(const QColor &a, const QColor &b)
{
    return std::max(
        {std::abs(a.red() - b.red()), std::abs(a.green() - b.green()), std::abs(a.blue() - b.blue())});
}

} // namespace

class TestMessageBanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void hiddenUntilThereIsAMessage();
    void showsTextSeverityAndAction_data();
    void showsTextSeverityAndAction();
    void textIsShownAsPlainText();
    void actionButtonEmitsActionTriggered();
    void closeButtonDismissesAndForgetsTheMessage();
    void clearHidesWithoutSayingDismissed();
    void aNewMessageReplacesTheLast();
    void tintDependsOnSeverityAndFollowsThePalette();

private:
    std::unique_ptr<QWidget> m_window;
    MessageBanner *m_banner = nullptr;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_action = nullptr;
    QToolButton *m_close = nullptr;
};

void TestMessageBanner::init()
{
    // In a window, as in the product: the tint is taken from the parent's palette.
    m_window = std::make_unique<QWidget>();
    m_banner = new MessageBanner(m_window.get());
    auto *layout = new QVBoxLayout(m_window.get());
    layout->addWidget(m_banner);
    layout->addStretch(1);
    m_window->resize(500, 200);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_icon = m_banner->findChild<QLabel *>(u"bannerIconLabel"_s);
    m_text = m_banner->findChild<QLabel *>(u"bannerTextLabel"_s);
    m_action = m_banner->findChild<QPushButton *>(u"bannerActionPushButton"_s);
    m_close = m_banner->findChild<QToolButton *>(u"bannerCloseToolButton"_s);
    QVERIFY(m_icon && m_text && m_action && m_close);
}

void TestMessageBanner::cleanup()
{
    m_window.reset();
    m_banner = nullptr;
}

void TestMessageBanner::hiddenUntilThereIsAMessage()
{
    QVERIFY(!m_banner->isVisible());
    QCOMPARE(m_banner->text(), QString());
    m_banner->showMessage(Severity::Information, u"Connected."_s);
    QVERIFY(m_banner->isVisible());
}

void TestMessageBanner::showsTextSeverityAndAction_data()
{
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<QString>("actionText");
    QTest::addColumn<QString>("severityWord");

    QTest::newRow("information") << Severity::Information << QString() << u"Information"_s;
    QTest::newRow("warning") << Severity::Warning << QString() << u"Warning"_s;
    QTest::newRow("error") << Severity::Error << QString() << u"Error"_s;
    QTest::newRow("error with Retry") << Severity::Error << u"&Retry"_s << u"Error"_s;
    QTest::newRow("warning with an action") << Severity::Warning << u"Set up…"_s << u"Warning"_s;
}

void TestMessageBanner::showsTextSeverityAndAction()
{
    QFETCH(Severity, severity);
    QFETCH(QString, actionText);
    QFETCH(QString, severityWord);

    const QString text = u"The page could not be loaded: connection refused."_s;
    m_banner->showMessage(severity, text, actionText);
    QVERIFY(m_banner->isVisible());
    QCOMPARE(m_banner->severity(), severity);
    QCOMPARE(m_banner->text(), text);
    QCOMPARE(m_text->text(), text);
    QCOMPARE(m_banner->actionText(), actionText);
    QCOMPARE(m_action->isVisible(), !actionText.isEmpty());
    QCOMPARE(m_action->text(), actionText);
    QVERIFY(m_close->isVisible());
    // The severity in words, for screen readers and tooltips, and as an icon.
    QCOMPARE(m_icon->accessibleName(), severityWord);
    QCOMPARE(m_icon->toolTip(), severityWord);
    QVERIFY(!m_icon->pixmap().isNull());
}

void TestMessageBanner::textIsShownAsPlainText()
{
    // Error messages quote the service; markup in them must show as written, never be interpreted.
    const QString text = u"Bad value <b>x</b> & <a href=\"http://example.com\">link</a>"_s;
    m_banner->showMessage(Severity::Error, text);
    QCOMPARE(m_text->textFormat(), Qt::PlainText);
    QCOMPARE(m_banner->text(), text);
}

void TestMessageBanner::actionButtonEmitsActionTriggered()
{
    QSignalSpy action(m_banner, &MessageBanner::actionTriggered);
    QSignalSpy dismissed(m_banner, &MessageBanner::dismissed);
    m_banner->showMessage(Severity::Error, u"Connection refused"_s, u"&Retry"_s);
    QTest::mouseClick(m_action, Qt::LeftButton);
    QCOMPARE(action.count(), 1);
    QCOMPARE(dismissed.count(), 0);
    // Whoever acts decides what happens to the message; the banner stays.
    QVERIFY(m_banner->isVisible());
    QCOMPARE(m_banner->text(), u"Connection refused"_s);
}

void TestMessageBanner::closeButtonDismissesAndForgetsTheMessage()
{
    QSignalSpy action(m_banner, &MessageBanner::actionTriggered);
    QSignalSpy dismissed(m_banner, &MessageBanner::dismissed);
    m_banner->showMessage(Severity::Warning, u"AWS is limiting requests"_s, u"&Retry"_s);
    QTest::mouseClick(m_close, Qt::LeftButton);
    QCOMPARE(dismissed.count(), 1);
    QCOMPARE(action.count(), 0);
    QVERIFY(!m_banner->isVisible());
    QCOMPARE(m_banner->text(), QString());
    QCOMPARE(m_banner->actionText(), QString());
}

void TestMessageBanner::clearHidesWithoutSayingDismissed()
{
    QSignalSpy dismissed(m_banner, &MessageBanner::dismissed);
    m_banner->showMessage(Severity::Information, u"Loading"_s, u"Cancel"_s);
    m_banner->clear();
    QVERIFY(!m_banner->isVisible());
    QCOMPARE(m_banner->text(), QString());
    QCOMPARE(m_banner->actionText(), QString());
    // Only the user dismisses; the owner clearing its own message is not news to it.
    QCOMPARE(dismissed.count(), 0);
}

void TestMessageBanner::aNewMessageReplacesTheLast()
{
    m_banner->showMessage(Severity::Error, u"First"_s, u"&Retry"_s);
    m_banner->showMessage(Severity::Information, u"Second"_s);
    QCOMPARE(m_banner->text(), u"Second"_s);
    QCOMPARE(m_banner->severity(), Severity::Information);
    QVERIFY(!m_action->isVisible());
    QCOMPARE(m_banner->actionText(), QString());
    QCOMPARE(m_icon->accessibleName(), u"Information"_s);
}

void TestMessageBanner::tintDependsOnSeverityAndFollowsThePalette()
{
    const auto background = [this] { return m_banner->palette().color(QPalette::Window); };
    const QColor windowColour = m_window->palette().color(QPalette::Window);

    QList<QColor> tints;
    for (const Severity severity : {Severity::Information, Severity::Warning, Severity::Error}) {
        m_banner->showMessage(severity, u"Tinted"_s);
        tints.append(background());
        // A tint of the window colour: distinguishable, yet close enough to keep the text readable.
        QVERIFY(distance(tints.last(), windowColour) > 0);
        QVERIFY2(distance(tints.last(), windowColour) <= 0.18 * 255 + 1, qPrintable(tints.last().name()));
    }
    QVERIFY(tints.at(0) != tints.at(1));
    QVERIFY(tints.at(1) != tints.at(2));
    QVERIFY(tints.at(0) != tints.at(2));

    // A dark theme: the banner turns dark too.
    QPalette dark = m_window->palette();
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    m_window->setPalette(dark);
    QTRY_VERIFY2(distance(background(), dark.color(QPalette::Window)) <= 0.18 * 255 + 1,
                 qPrintable(background().name()));
    QVERIFY(background() != dark.color(QPalette::Window));
    QCOMPARE(m_banner->palette().color(QPalette::WindowText), dark.color(QPalette::WindowText));
}

QTEST_MAIN(TestMessageBanner)
#include "tst_messagebanner.moc"
