// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection/ConnectionDialog.h"

#include "aws/config/ConnectionResolver.h"
#include "aws/credentials/AppProfileStore.h"
#include "common/ServiceGateway.h"
#include "connection/AppProfileDialog.h"
#include "connection/NetworkSettingsGroupBox.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
constexpr int NameRole = Qt::UserRole + 1;
constexpr int AppManagedRole = Qt::UserRole + 2;
constexpr int KindRole = Qt::UserRole + 3;

const QStringList &knownRegions()
{
    // Regions where WorkSpaces Secure Browser is offered; any other region can be typed.
    static const QStringList regions = {u"us-east-1"_s,      u"us-west-2"_s,      u"ca-central-1"_s,
                                        u"eu-west-1"_s,      u"eu-west-2"_s,      u"eu-central-1"_s,
                                        u"ap-south-1"_s,     u"ap-northeast-1"_s, u"ap-southeast-1"_s,
                                        u"ap-southeast-2"_s, u"sa-east-1"_s};
    return regions;
}
} // namespace

ConnectionDialog::ConnectionDialog(AppProfileStore *store, QProcessEnvironment environment,
                                   GatewayFactory factory, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_environment(std::move(environment))
    , m_factory(std::move(factory))
    , m_profileListWidget(new QListWidget(this))
    , m_profilesProblemLabel(new QLabel(this))
    , m_newButton(new QPushButton(tr("&New…"), this))
    , m_editButton(new QPushButton(tr("&Edit…"), this))
    , m_deleteButton(new QPushButton(tr("&Delete"), this))
    , m_signInButton(new QPushButton(tr("&Sign in…"), this))
    , m_regionComboBox(new QComboBox(this))
    , m_endpointLineEdit(new QLineEdit(this))
    , m_instanceLineEdit(new QLineEdit(this))
    , m_networkGroupBox(new NetworkSettingsGroupBox(this))
    , m_testButton(new QPushButton(tr("&Test connection"), this))
    , m_testResultLabel(new QLabel(this))
    , m_buttonBox(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"connectionDialog"_s);
    setAccessibleName(tr("Connection"));
    setWindowTitle(tr("Connection"));
    setWindowModality(Qt::WindowModal);

    m_profileListWidget->setObjectName(u"profileListWidget"_s);
    m_profileListWidget->setAccessibleName(tr("Profiles"));
    m_profilesProblemLabel->setObjectName(u"profilesProblemLabel"_s);
    m_profilesProblemLabel->setAccessibleName(tr("Problem reading the AWS files"));
    m_profilesProblemLabel->setWordWrap(true);
    m_profilesProblemLabel->setTextFormat(Qt::PlainText);
    m_profilesProblemLabel->hide();
    m_newButton->setObjectName(u"newProfilePushButton"_s);
    m_newButton->setAccessibleName(tr("New SessionScope profile"));
    m_editButton->setObjectName(u"editProfilePushButton"_s);
    m_editButton->setAccessibleName(tr("Edit SessionScope profile"));
    m_deleteButton->setObjectName(u"deleteProfilePushButton"_s);
    m_deleteButton->setAccessibleName(tr("Delete SessionScope profile"));
    m_signInButton->setObjectName(u"signInPushButton"_s);
    m_signInButton->setAccessibleName(tr("Sign in to IAM Identity Center"));
    m_signInButton->setToolTip(tr("Sign in to IAM Identity Center with this profile, in the browser"));
    m_regionComboBox->setObjectName(u"regionComboBox"_s);
    m_regionComboBox->setAccessibleName(tr("Region"));
    m_regionComboBox->setEditable(true);
    m_regionComboBox->addItem(tr("From the profile or environment"), QString());
    for (const QString &region : knownRegions())
        m_regionComboBox->addItem(region, region);
    m_endpointLineEdit->setObjectName(u"endpointLineEdit"_s);
    m_endpointLineEdit->setAccessibleName(tr("Endpoint override"));
    m_endpointLineEdit->setPlaceholderText(tr("empty: the profile's or the regional AWS endpoints"));
    m_instanceLineEdit->setObjectName(u"instanceIdLineEdit"_s);
    m_instanceLineEdit->setAccessibleName(tr("Amazon Q Business instance ID"));
    m_instanceLineEdit->setPlaceholderText(tr("optional: the profile's, if it has one"));
    m_testButton->setObjectName(u"testConnectionPushButton"_s);
    m_testButton->setAccessibleName(tr("Test connection"));
    m_testResultLabel->setObjectName(u"testResultLabel"_s);
    m_testResultLabel->setAccessibleName(tr("Test result"));
    m_testResultLabel->setWordWrap(true);
    m_testResultLabel->setTextFormat(Qt::PlainText);
    m_testResultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_buttonBox->setObjectName(u"connectionButtonBox"_s);
    m_buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    m_buttonBox->button(QDialogButtonBox::Ok)->setObjectName(u"connectPushButton"_s);
    m_buttonBox->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Connect"));
    m_buttonBox->button(QDialogButtonBox::Cancel)->setObjectName(u"connectionCancelPushButton"_s);
    m_buttonBox->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto *profileButtons = new QHBoxLayout;
    profileButtons->addWidget(m_newButton);
    profileButtons->addWidget(m_editButton);
    profileButtons->addWidget(m_deleteButton);
    profileButtons->addStretch(1);
    profileButtons->addWidget(m_signInButton);
    auto *form = new QFormLayout;
    form->addRow(tr("&Region:"), m_regionComboBox);
    form->addRow(tr("End&point URL:"), m_endpointLineEdit);
    form->addRow(tr("Q Business &instance ID:"), m_instanceLineEdit);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    testRow->addWidget(m_testResultLabel, 1);
    auto *profilesLabel = new QLabel(tr("&Profiles (from ~/.aws and SessionScope's own):"), this);
    profilesLabel->setObjectName(u"profilesLabel"_s);
    profilesLabel->setBuddy(m_profileListWidget);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(profilesLabel);
    layout->addWidget(m_profileListWidget, 1);
    layout->addWidget(m_profilesProblemLabel);
    layout->addLayout(profileButtons);
    layout->addLayout(form);
    layout->addWidget(m_networkGroupBox);
    layout->addLayout(testRow);
    layout->addWidget(m_buttonBox);

    connect(m_profileListWidget, &QListWidget::currentRowChanged, this, &ConnectionDialog::updateButtons);
    connect(m_profileListWidget, &QListWidget::itemDoubleClicked, this, &ConnectionDialog::accept);
    connect(m_newButton, &QPushButton::clicked, this, &ConnectionDialog::newProfile);
    connect(m_editButton, &QPushButton::clicked, this, &ConnectionDialog::editProfile);
    connect(m_deleteButton, &QPushButton::clicked, this, &ConnectionDialog::deleteProfile);
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_signInButton, &QPushButton::clicked, this, [this] {
        if (selectedIsIdentityCenter())
            Q_EMIT signInRequested(options());
    });
    connect(m_buttonBox, &QDialogButtonBox::accepted, this, [this] {
        if (!m_networkGroupBox->checkFields())
            return;
        Q_EMIT connectionChosen(options());
        accept();
    });
    connect(m_buttonBox, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    if (m_store)
        connect(m_store, &AppProfileStore::profilesChanged, this, &ConnectionDialog::reloadProfiles);
    reloadProfiles();
    resize(660, 640);
}

ConnectionDialog::~ConnectionDialog()
{
    m_testCall.cancel();
    delete m_testGateway;
}

void ConnectionDialog::reloadProfiles()
{
    const QString previous = selectedProfile();
    const auto available = ConnectionResolver::availableProfiles(m_environment, m_store);
    m_profileListWidget->clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const auto &choice : available.profiles) {
        const bool app = choice.source == ResolvedConnection::ProfileSource::AppManaged;
        QString text = app ? tr("%1 — SessionScope profile (keychain)").arg(choice.name)
                           : tr("%1 — %2").arg(choice.name, kindText(choice.kind));
        if (const QString signIn = signInText(choice, now); !signIn.isEmpty())
            text += tr(" — %1").arg(signIn);
        if (!choice.region.isEmpty())
            text += tr(" — %1").arg(choice.region);
        auto *item = new QListWidgetItem(text, m_profileListWidget);
        item->setData(NameRole, choice.name);
        item->setData(AppManagedRole, app);
        item->setData(KindRole, int(choice.kind));
        item->setToolTip(app ? tr("A SessionScope profile; its secret is in the system keychain.")
                             : tr("Defined in %1").arg(choice.location));
        if (choice.name == previous)
            m_profileListWidget->setCurrentItem(item);
    }
    if (available.sharedFilesError) {
        m_profilesProblemLabel->setText(available.sharedFilesError->userMessage());
        m_profilesProblemLabel->show();
    } else {
        m_profilesProblemLabel->hide();
    }
    if (!m_profileListWidget->currentItem() && m_profileListWidget->count() > 0)
        m_profileListWidget->setCurrentRow(0);
    updateButtons();
}

void ConnectionDialog::setOptions(const ConnectionOptions &options)
{
    for (int i = 0; i < m_profileListWidget->count(); ++i) {
        if (m_profileListWidget->item(i)->data(NameRole).toString() == options.profile)
            m_profileListWidget->setCurrentRow(i);
    }
    const int region = m_regionComboBox->findData(options.region);
    if (region >= 0)
        m_regionComboBox->setCurrentIndex(region);
    else
        m_regionComboBox->setEditText(options.region);
    m_endpointLineEdit->setText(options.endpointUrl);
    m_instanceLineEdit->setText(options.qappsInstanceId);
    m_networkGroupBox->setOptions(options);
}

ConnectionOptions ConnectionDialog::options() const
{
    ConnectionOptions o;
    o.profile = selectedProfile();
    const QString typed = m_regionComboBox->currentText().trimmed();
    const int index = m_regionComboBox->findText(typed);
    o.region = index >= 0 ? m_regionComboBox->itemData(index).toString() : typed;
    o.endpointUrl = m_endpointLineEdit->text().trimmed();
    o.qappsInstanceId = m_instanceLineEdit->text().trimmed();
    m_networkGroupBox->applyTo(&o);
    return o;
}

QString ConnectionDialog::kindText(ProfileCredentialsProvider::Kind kind)
{
    switch (kind) {
    case ProfileCredentialsProvider::Kind::StaticKeys:
        return tr("access keys");
    case ProfileCredentialsProvider::Kind::Process:
        return tr("credential process");
    case ProfileCredentialsProvider::Kind::AssumeRole:
        return tr("role");
    case ProfileCredentialsProvider::Kind::AssumeRoleWithMfa:
        return tr("role + MFA");
    case ProfileCredentialsProvider::Kind::IdentityCenter:
        return tr("IAM Identity Center");
    case ProfileCredentialsProvider::Kind::WebIdentity:
        return tr("web identity");
    case ProfileCredentialsProvider::Kind::None:
        break;
    }
    return tr("no credentials");
}

QString ConnectionDialog::signInText(const ConnectionResolver::ProfileChoice &choice, const QDateTime &now)
{
    if (choice.kind != ProfileCredentialsProvider::Kind::IdentityCenter)
        return {};
    if (choice.signedInUntil.isValid() && choice.signedInUntil > now) {
        const QDateTime local = choice.signedInUntil.toLocalTime();
        const QLocale locale;
        //: %1 a time of day ("19:40"), or a date and time when it is not today
        return tr("signed in until %1")
            .arg(local.date() == now.toLocalTime().date()
                     ? locale.toString(local.time(), QLocale::ShortFormat)
                     : locale.toString(local, QLocale::ShortFormat));
    }
    if (choice.signInRefreshable)
        return tr("sign-in renews itself");
    return tr("not signed in");
}

QString ConnectionDialog::selectedProfile() const
{
    const QListWidgetItem *item = m_profileListWidget->currentItem();
    return item ? item->data(NameRole).toString() : QString();
}

bool ConnectionDialog::selectedIsIdentityCenter() const
{
    const QListWidgetItem *item = m_profileListWidget->currentItem();
    return item && item->data(KindRole).toInt() == int(ProfileCredentialsProvider::Kind::IdentityCenter);
}

bool ConnectionDialog::selectedIsAppProfile() const
{
    const QListWidgetItem *item = m_profileListWidget->currentItem();
    return item && item->data(AppManagedRole).toBool();
}

void ConnectionDialog::updateButtons()
{
    m_newButton->setEnabled(m_store != nullptr);
    m_editButton->setEnabled(m_store && selectedIsAppProfile());
    m_deleteButton->setEnabled(m_store && selectedIsAppProfile());
    m_signInButton->setEnabled(selectedIsIdentityCenter());
}

void ConnectionDialog::newProfile()
{
    auto *dialog = new AppProfileDialog(m_store, std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AppProfileDialog::profileSaved, this, [this](const QString &name) {
        reloadProfiles();
        ConnectionOptions o = options();
        o.profile = name;
        setOptions(o);
    });
    dialog->open();
}

void ConnectionDialog::editProfile()
{
    if (!m_store || !selectedIsAppProfile())
        return;
    auto *dialog = new AppProfileDialog(m_store, m_store->profile(selectedProfile()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AppProfileDialog::profileSaved, this, &ConnectionDialog::reloadProfiles);
    dialog->open();
}

void ConnectionDialog::deleteProfile()
{
    if (!m_store || !selectedIsAppProfile())
        return;
    const QString name = selectedProfile();
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Delete profile"),
                        tr("Delete the SessionScope profile “%1” and its secret in the keychain?").arg(name),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"deleteProfileMessageBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::accepted, this, [this, name] {
        m_store->removeProfile(name, this, [this](const AwsResult<std::monostate> &result) {
            if (!result.ok())
                showTestResult(false, result.error().userMessage());
            reloadProfiles();
        });
    });
    box->open();
}

void ConnectionDialog::testConnection()
{
    m_testCall.cancel();
    delete m_testGateway;
    m_testGateway = nullptr;
    if (!m_networkGroupBox->checkFields()) {
        m_testResultLabel->clear();
        return;
    }
    const AwsResult<ServiceGateway *> made = m_factory(options());
    if (!made.ok()) {
        showTestResult(false, made.error().userMessage());
        return;
    }
    m_testGateway = made.value();
    m_testGateway->setParent(nullptr);
    m_testButton->setEnabled(false);
    const ServiceGateway::Description d = m_testGateway->description();
    m_testResultLabel->setText(tr("Asking %1 for its portals…").arg(d.target));
    m_testCall = m_testGateway->listPortals({}, this, [this, d](const AwsResult<PortalPage> &result) {
        m_testButton->setEnabled(true);
        if (!result.ok()) {
            showTestResult(false, result.error().userMessage());
            return;
        }
        const int count = static_cast<int>(result.value().portals.size());
        const QString portals = result.value().nextToken.isEmpty()
                                    ? tr("%n portal(s)", nullptr, count)
                                    : tr("at least %n portal(s)", nullptr, count);
        showTestResult(true, tr("Connected: profile %1 can list portals in %2 (%3 found).")
                                 .arg(d.profileName, d.region, portals));
    });
}

void ConnectionDialog::showTestResult(bool ok, const QString &text)
{
    m_testResultLabel->setText(ok ? text : tr("Not connected: %1").arg(text));
}

void ConnectionDialog::showConnectionProblem(const QString &text)
{
    showTestResult(false, text);
}

void ConnectionDialog::showSignInProblem(const QString &text)
{
    m_testResultLabel->setText(tr("Not signed in: %1").arg(text));
}

QString ConnectionDialog::testResult() const
{
    return m_testResultLabel->text();
}
