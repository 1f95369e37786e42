// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "help/AboutDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QSysInfo>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QString buildQtVersion()
{
    return QStringLiteral(QT_VERSION_STR);
}

QString runtimeQtVersion()
{
    return QString::fromLatin1(qVersion());
}

QLabel *makeLabel(QWidget *parent, const QString &objectName, const QString &accessibleName,
                  const QString &text)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    return label;
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_iconLabel(new QLabel(this))
{
    setObjectName(u"aboutDialog"_s);
    setAccessibleName(tr("About SessionScope"));
    setWindowTitle(tr("About SessionScope"));

    // The icon the application (or the window asking) was given; nothing is drawn when there is none.
    QIcon icon = parent ? parent->window()->windowIcon() : QIcon();
    if (icon.isNull())
        icon = QApplication::windowIcon();
    m_iconLabel->setObjectName(u"aboutIconLabel"_s);
    m_iconLabel->setAccessibleName(tr("SessionScope icon"));
    m_iconLabel->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    if (icon.isNull())
        m_iconLabel->hide();
    else
        m_iconLabel->setPixmap(icon.pixmap(64, 64));

    auto *title = makeLabel(this, u"aboutTitleLabel"_s, tr("SessionScope"), tr("SessionScope"));
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    title->setFont(titleFont);
    title->setTextFormat(Qt::PlainText);

    auto *version = makeLabel(this, u"aboutVersionLabel"_s, tr("Version"),
                              tr("Version %1").arg(QStringLiteral(SESSIONSCOPE_VERSION)));
    version->setTextFormat(Qt::PlainText);
    version->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *description =
        makeLabel(this, u"aboutDescriptionLabel"_s, tr("Description"),
                  tr("Browse the sessions of Amazon WorkSpaces Secure Browser portals and the "
                     "sharing settings of Amazon Q Apps sessions."));
    description->setTextFormat(Qt::PlainText);

    auto *qt = makeLabel(this, u"aboutQtVersionLabel"_s, tr("Qt version"),
                         tr("Running on Qt %1, built with Qt %2.").arg(runtimeQtVersion(), buildQtVersion()));
    qt->setTextFormat(Qt::PlainText);
    qt->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *licence = makeLabel(
        this, u"aboutLicenceLabel"_s, tr("Licence"),
        tr("<p>Licence: GPL-3.0-or-later. SessionScope is free software: you may use, study, share and "
           "change it under the terms of the <a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">GNU "
           "General Public License</a>, version 3 or any later version. It comes with no warranty, to the "
           "extent permitted by law.</p>"));
    licence->setTextFormat(Qt::RichText);
    licence->setOpenExternalLinks(true);
    // Links reachable with Tab and Enter, not only with the mouse.
    licence->setTextInteractionFlags(Qt::TextBrowserInteraction);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(u"aboutButtonBox"_s);
    QPushButton *copy = buttons->addButton(tr("&Copy details"), QDialogButtonBox::ActionRole);
    copy->setObjectName(u"aboutCopyPushButton"_s);
    copy->setAccessibleName(tr("Copy version details"));
    copy->setToolTip(tr("Copy the versions of SessionScope, Qt and the system, e.g. for a bug report"));
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(u"aboutClosePushButton"_s);
    close->setAccessibleName(tr("Close"));

    auto *texts = new QVBoxLayout;
    texts->addWidget(title);
    texts->addWidget(version);
    texts->addSpacing(6);
    texts->addWidget(description);
    texts->addWidget(qt);
    texts->addSpacing(6);
    texts->addWidget(licence);
    auto *row = new QHBoxLayout;
    row->addWidget(m_iconLabel, 0, Qt::AlignTop);
    row->addSpacing(12);
    row->addLayout(texts, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);

    connect(copy, &QPushButton::clicked, this, [] { QApplication::clipboard()->setText(details()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    close->setDefault(true);
    close->setFocus();
    // Exactly as tall as the wrapped text needs at this width: no empty band above the buttons.
    for (QLabel *label : {description, licence})
        label->setMinimumWidth(440);
    layout->setSizeConstraint(QLayout::SetFixedSize);
}

QString AboutDialog::details()
{
    return tr("SessionScope %1\nQt %2 (built with Qt %3)\n%4, %5")
        .arg(QStringLiteral(SESSIONSCOPE_VERSION), runtimeQtVersion(), buildQtVersion(),
             QSysInfo::prettyProductName(), QGuiApplication::platformName());
}

QString AboutDialog::text() const
{
    QStringList lines;
    for (const QLabel *label : findChildren<QLabel *>()) {
        if (label->text().isEmpty())
            continue;
        // The licence is rich text; a person hears (and a test reads) its words, not its markup.
        lines.append(label->textFormat() == Qt::RichText
                         ? QTextDocumentFragment::fromHtml(label->text()).toPlainText()
                         : label->text());
    }
    return lines.join(u'\n');
}
