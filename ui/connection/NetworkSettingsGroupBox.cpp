// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection/NetworkSettingsGroupBox.h"

#include "connection/NetworkSettings.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

NetworkSettingsGroupBox::NetworkSettingsGroupBox(QWidget *parent)
    : QGroupBox(tr("Network"), parent)
    , m_proxyModeComboBox(new QComboBox(this))
    , m_httpsProxyLineEdit(new QLineEdit(this))
    , m_httpProxyLineEdit(new QLineEdit(this))
    , m_noProxyLineEdit(new QLineEdit(this))
    , m_caBundleLineEdit(new QLineEdit(this))
    , m_caBundleBrowseButton(new QPushButton(tr("Bro&wse…"), this))
    , m_connectTimeoutLineEdit(new QLineEdit(this))
    , m_readTimeoutLineEdit(new QLineEdit(this))
    , m_problemLabel(new QLabel(this))
{
    setObjectName(u"networkGroupBox"_s);
    setAccessibleName(tr("Network"));

    m_proxyModeComboBox->setObjectName(u"proxyModeComboBox"_s);
    m_proxyModeComboBox->setAccessibleName(tr("Proxy"));
    m_proxyModeComboBox->addItem(tr("As the environment says (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)"),
                                 int(ProxySettings::Mode::Environment));
    m_proxyModeComboBox->addItem(tr("The system's proxy settings"), int(ProxySettings::Mode::System));
    m_proxyModeComboBox->addItem(tr("No proxy"), int(ProxySettings::Mode::None));
    m_proxyModeComboBox->addItem(tr("Manual"), int(ProxySettings::Mode::Manual));

    m_httpsProxyLineEdit->setObjectName(u"httpsProxyLineEdit"_s);
    m_httpsProxyLineEdit->setAccessibleName(tr("HTTPS proxy"));
    m_httpsProxyLineEdit->setPlaceholderText(tr("http://proxy.example.com:3128 — for https:// requests"));
    m_httpProxyLineEdit->setObjectName(u"httpProxyLineEdit"_s);
    m_httpProxyLineEdit->setAccessibleName(tr("HTTP proxy"));
    m_httpProxyLineEdit->setPlaceholderText(tr("empty: http:// requests go direct"));
    m_noProxyLineEdit->setObjectName(u"noProxyLineEdit"_s);
    m_noProxyLineEdit->setAccessibleName(tr("No proxy for"));
    m_noProxyLineEdit->setPlaceholderText(tr(".corp.example, 10.0.0.0/8, localhost"));
    m_noProxyLineEdit->setToolTip(
        tr("Hosts reached directly, separated by commas: names (with or without a leading dot), IP "
           "addresses, CIDR ranges, each with an optional :port; * for all."));

    m_caBundleLineEdit->setObjectName(u"caBundleLineEdit"_s);
    m_caBundleLineEdit->setAccessibleName(tr("CA bundle"));
    m_caBundleLineEdit->setPlaceholderText(tr("empty: AWS_CA_BUNDLE, the profile's ca_bundle, the system's"));
    m_caBundleBrowseButton->setObjectName(u"caBundleBrowsePushButton"_s);
    m_caBundleBrowseButton->setAccessibleName(tr("Choose the CA bundle file"));

    const QString timeoutHint = tr("empty: the profile's or the default; 0: no limit");
    m_connectTimeoutLineEdit->setObjectName(u"connectTimeoutLineEdit"_s);
    m_connectTimeoutLineEdit->setAccessibleName(tr("Connect timeout in seconds"));
    m_connectTimeoutLineEdit->setPlaceholderText(tr("default (10)"));
    m_connectTimeoutLineEdit->setToolTip(timeoutHint);
    m_readTimeoutLineEdit->setObjectName(u"readTimeoutLineEdit"_s);
    m_readTimeoutLineEdit->setAccessibleName(tr("Read timeout in seconds"));
    m_readTimeoutLineEdit->setPlaceholderText(tr("default (60)"));
    m_readTimeoutLineEdit->setToolTip(timeoutHint);
    const int timeoutWidth =
        m_readTimeoutLineEdit->fontMetrics().horizontalAdvance(tr("default (60)")) * 3 / 2;
    m_connectTimeoutLineEdit->setMaximumWidth(timeoutWidth);
    m_readTimeoutLineEdit->setMaximumWidth(timeoutWidth);

    m_problemLabel->setObjectName(u"networkProblemLabel"_s);
    m_problemLabel->setAccessibleName(tr("Problem with the network settings"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->hide();

    // The labels' access keys differ from those of the rest of the connection dialog (P, R, I, N, E, D,
    // S, T, C): X, H, O, F, A, W, U, M.
    auto addRow = [this](QFormLayout *form, const QString &text, QWidget *field, const QString &name) {
        auto *label = new QLabel(text, this);
        label->setObjectName(name);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caBundleLineEdit, 1);
    caRow->addWidget(m_caBundleBrowseButton);
    auto *timeoutRow = new QHBoxLayout;
    auto *connectLabel = new QLabel(tr("Connect timeo&ut (s):"), this);
    connectLabel->setObjectName(u"connectTimeoutLabel"_s);
    connectLabel->setBuddy(m_connectTimeoutLineEdit);
    auto *readLabel = new QLabel(tr("Read ti&meout (s):"), this);
    readLabel->setObjectName(u"readTimeoutLabel"_s);
    readLabel->setBuddy(m_readTimeoutLineEdit);
    timeoutRow->addWidget(m_connectTimeoutLineEdit);
    timeoutRow->addSpacing(12);
    timeoutRow->addWidget(readLabel);
    timeoutRow->addWidget(m_readTimeoutLineEdit);
    timeoutRow->addStretch(1);

    // One form, so that every field starts in the same column; the manual rows hide unless chosen.
    m_form = new QFormLayout(this);
    QFormLayout *form = m_form;
    addRow(form, tr("Pro&xy:"), m_proxyModeComboBox, u"proxyModeLabel"_s);
    addRow(form, tr("&HTTPS proxy:"), m_httpsProxyLineEdit, u"httpsProxyLabel"_s);
    addRow(form, tr("HTTP pr&oxy:"), m_httpProxyLineEdit, u"httpProxyLabel"_s);
    addRow(form, tr("No proxy &for:"), m_noProxyLineEdit, u"noProxyLabel"_s);
    auto *caLabel = new QLabel(tr("C&A bundle:"), this);
    caLabel->setObjectName(u"caBundleLabel"_s);
    caLabel->setBuddy(m_caBundleLineEdit);
    form->addRow(caLabel, caRow);
    form->addRow(connectLabel, timeoutRow);
    form->addRow(m_problemLabel);

    setTabOrder(m_proxyModeComboBox, m_httpsProxyLineEdit);
    setTabOrder(m_httpsProxyLineEdit, m_httpProxyLineEdit);
    setTabOrder(m_httpProxyLineEdit, m_noProxyLineEdit);
    setTabOrder(m_noProxyLineEdit, m_caBundleLineEdit);
    setTabOrder(m_caBundleLineEdit, m_caBundleBrowseButton);
    setTabOrder(m_caBundleBrowseButton, m_connectTimeoutLineEdit);
    setTabOrder(m_connectTimeoutLineEdit, m_readTimeoutLineEdit);

    connect(m_proxyModeComboBox, &QComboBox::currentIndexChanged, this,
            &NetworkSettingsGroupBox::updateManualFields);
    connect(m_caBundleBrowseButton, &QPushButton::clicked, this, &NetworkSettingsGroupBox::chooseCaBundle);
    // A problem shown goes away as soon as the field is fixed.
    for (QLineEdit *edit : {m_httpsProxyLineEdit, m_httpProxyLineEdit, m_caBundleLineEdit,
                            m_connectTimeoutLineEdit, m_readTimeoutLineEdit}) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            if (m_problemLabel->isVisible())
                checkFields();
        });
    }
    updateManualFields();
}

void NetworkSettingsGroupBox::setOptions(const ConnectionOptions &options)
{
    const ProxySettings proxy = options.proxy.value_or(ProxySettings{});
    m_proxyModeComboBox->setCurrentIndex(std::max(0, m_proxyModeComboBox->findData(int(proxy.mode))));
    // Only the manual mode's own proxies are shown; the environment's are the environment's business.
    if (proxy.mode == ProxySettings::Mode::Manual) {
        m_httpsProxyLineEdit->setText(proxy.httpsProxy.toString());
        m_httpProxyLineEdit->setText(proxy.httpProxy.toString());
        m_noProxyLineEdit->setText(proxy.noProxy.join(u", "_s));
    }
    m_caBundleLineEdit->setText(options.caBundle);
    m_connectTimeoutLineEdit->setText(NetworkSettings::timeoutText(options.connectTimeoutMs));
    m_readTimeoutLineEdit->setText(NetworkSettings::timeoutText(options.readTimeoutMs));
    updateManualFields();
}

void NetworkSettingsGroupBox::applyTo(ConnectionOptions *options) const
{
    const auto mode = ProxySettings::Mode(m_proxyModeComboBox->currentData().toInt());
    if (mode == ProxySettings::Mode::Environment) {
        options->proxy.reset();
    } else {
        ProxySettings proxy;
        proxy.mode = mode;
        proxy.source = NetworkSettings::tr("connection settings");
        if (mode == ProxySettings::Mode::Manual) {
            QString ignored;
            proxy.httpsProxy =
                NetworkSettings::parseProxyUrl(m_httpsProxyLineEdit->text(), &ignored).value_or(QUrl());
            proxy.httpProxy =
                NetworkSettings::parseProxyUrl(m_httpProxyLineEdit->text(), &ignored).value_or(QUrl());
            proxy.noProxy = NetworkSettings::splitNoProxy(m_noProxyLineEdit->text());
        }
        options->proxy = proxy;
    }
    options->caBundle = m_caBundleLineEdit->text().trimmed();
    QString ignored;
    NetworkSettings::parseTimeout(m_connectTimeoutLineEdit->text(), &options->connectTimeoutMs, &ignored);
    NetworkSettings::parseTimeout(m_readTimeoutLineEdit->text(), &options->readTimeoutMs, &ignored);
}

QString NetworkSettingsGroupBox::problem() const
{
    QString problem;
    //: %1 a field's name ("HTTPS proxy"), %2 what is wrong with it
    const QString named = tr("%1: %2");
    const auto mode = ProxySettings::Mode(m_proxyModeComboBox->currentData().toInt());
    if (mode == ProxySettings::Mode::Manual) {
        if (!NetworkSettings::parseProxyUrl(m_httpsProxyLineEdit->text(), &problem))
            return named.arg(tr("HTTPS proxy"), problem);
        if (!NetworkSettings::parseProxyUrl(m_httpProxyLineEdit->text(), &problem))
            return named.arg(tr("HTTP proxy"), problem);
        if (m_httpsProxyLineEdit->text().trimmed().isEmpty() &&
            m_httpProxyLineEdit->text().trimmed().isEmpty())
            return named.arg(tr("HTTPS proxy"),
                             tr("a manual proxy needs an HTTPS or HTTP proxy URL (or choose “No proxy”)."));
    }
    if (const QString path = m_caBundleLineEdit->text().trimmed(); !path.isEmpty()) {
        const QFileInfo info(path);
        if (!info.exists())
            return named.arg(tr("CA bundle"), tr("the file %1 does not exist.").arg(path));
        if (!info.isFile() || !info.isReadable())
            return named.arg(tr("CA bundle"), tr("the file %1 cannot be read.").arg(path));
    }
    std::optional<int> milliseconds;
    if (!NetworkSettings::parseTimeout(m_connectTimeoutLineEdit->text(), &milliseconds, &problem))
        return named.arg(tr("Connect timeout"), problem);
    if (!NetworkSettings::parseTimeout(m_readTimeoutLineEdit->text(), &milliseconds, &problem))
        return named.arg(tr("Read timeout"), problem);
    return {};
}

bool NetworkSettingsGroupBox::checkFields()
{
    const QString text = problem();
    m_problemLabel->setText(text);
    m_problemLabel->setVisible(!text.isEmpty());
    return text.isEmpty();
}

void NetworkSettingsGroupBox::updateManualFields()
{
    const bool manual =
        ProxySettings::Mode(m_proxyModeComboBox->currentData().toInt()) == ProxySettings::Mode::Manual;
    for (QWidget *field : {m_httpsProxyLineEdit, m_httpProxyLineEdit, m_noProxyLineEdit})
        m_form->setRowVisible(field, manual);
    if (m_problemLabel->isVisible())
        checkFields();
}

void NetworkSettingsGroupBox::chooseCaBundle()
{
    auto *dialog = new QFileDialog(this, tr("CA bundle"));
    dialog->setObjectName(u"caBundleFileDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("PEM certificates (*.pem *.crt *.cer)"), tr("All files (*)")});
    if (const QString current = m_caBundleLineEdit->text().trimmed(); !current.isEmpty())
        dialog->selectFile(current);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString &path) { m_caBundleLineEdit->setText(QDir::toNativeSeparators(path)); });
    dialog->open();
}
