// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

/// The application icon as the GUI draws it: Qt SVG must read the hand-written SVGs without complaint
/// and draw them like the committed PNGs (rendered by librsvg for the icon theme), so the window icon
/// and the launcher icon are the same picture.
class TestAppIcon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void svgIsValid_data();
    void svgIsValid();
    void pngMatchesQtRendering_data();
    void pngMatchesQtRendering();

private:
    static QString iconDir() { return QStringLiteral(SESSIONSCOPE_SOURCE_DIR) + u"/packaging/icons"_s; }
};

namespace {

const QString appId = u"io.github.sessionscope.SessionScope"_s;

QImage render(const QString &svgPath, int size)
{
    QSvgRenderer renderer(svgPath);
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();
    return image;
}

struct Difference
{
    double mean = 0;        ///< mean absolute difference of the premultiplied channels, 0 to 255
    double strongShare = 0; ///< share of pixels with a channel more than 96 apart, 0 to 1
};

Difference compare(const QImage &a, const QImage &b)
{
    const QImage x = a.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    const QImage y = b.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    double sum = 0;
    int strong = 0;
    for (int row = 0; row < x.height(); ++row) {
        for (int column = 0; column < x.width(); ++column) {
            const QRgb p = x.pixel(column, row);
            const QRgb q = y.pixel(column, row);
            const int channels[] = {std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                                    std::abs(qBlue(p) - qBlue(q)), std::abs(qAlpha(p) - qAlpha(q))};
            int largest = 0;
            for (const int d : channels) {
                sum += d;
                largest = std::max(largest, d);
            }
            if (largest > 96)
                ++strong;
        }
    }
    const double pixels = double(x.width()) * x.height();
    return {sum / (4.0 * pixels), strong / pixels};
}

} // namespace

void TestAppIcon::init()
{
    // Qt SVG warns about every element or attribute it cannot draw; the icon must use none.
    QTest::failOnWarning(QRegularExpression(u".*"_s));
}

void TestAppIcon::svgIsValid_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QSize>("size");
    QTest::newRow("full") << appId + u".svg"_s << QSize(128, 128);
    QTest::newRow("small") << appId + u"-small.svg"_s << QSize(24, 24);
}

void TestAppIcon::svgIsValid()
{
    QFETCH(QString, fileName);
    QFETCH(QSize, size);
    const QString path = iconDir() + u'/' + fileName;
    QVERIFY2(QFile::exists(path), qPrintable(path));
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.defaultSize(), size);
    QCOMPARE(renderer.viewBoxF(), QRectF(QPointF(0, 0), QSizeF(size)));
}

void TestAppIcon::pngMatchesQtRendering_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<QString>("svgName");
    // The sizes the hicolor theme gets; render-icons.sh draws 16-24 px from the simpler SVG.
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256}) {
        QTest::addRow("%dpx", size) << size << (size <= 24 ? appId + u"-small.svg"_s : appId + u".svg"_s);
    }
}

void TestAppIcon::pngMatchesQtRendering()
{
    QFETCH(int, size);
    QFETCH(QString, svgName);
    const QString pngPath = iconDir() + u"/hicolor/%1x%1/apps/"_s.arg(size) + appId + u".png"_s;
    const QImage png(pngPath);
    QVERIFY2(!png.isNull(), qPrintable(pngPath));
    QCOMPARE(png.size(), QSize(size, size));
    QVERIFY(png.hasAlphaChannel());

    const QImage qt = render(iconDir() + u'/' + svgName, size);
    // Both renderers anti-alias edges their own way: a few edge pixels may differ a lot, the mean
    // only a little (measured: mean <= 1.2, strong <= 0.08 %). A missing shape, a wrong colour or a PNG
    // not rendered again after an edit makes a patch of pixels differ (one 11 px dot: >= 0.4 %).
    const Difference difference = compare(png, qt);
    QVERIFY2(difference.mean < 2.0,
             qPrintable(u"mean difference %1 of 255"_s.arg(difference.mean, 0, 'f', 2)));
    QVERIFY2(difference.strongShare < 0.0025, qPrintable(u"%1 % of the pixels differ strongly"_s.arg(
                                                  100 * difference.strongShare, 0, 'f', 2)));
    // The corners stay transparent (the icon is not a filled square).
    QCOMPARE(qAlpha(png.pixel(0, 0)), 0);
    QCOMPARE(qAlpha(qt.pixel(0, 0)), 0);
}

QTEST_MAIN(TestAppIcon)
#include "tst_appicon.moc"
