// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/SecretServiceProbe.h"

#include <QPointer>
#include <QTimer>

#ifdef SESSIONSCOPE_HAVE_SECRET_SERVICE_PROBE
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

#include <memory>

using namespace Qt::StringLiterals;

#ifdef SESSIONSCOPE_HAVE_SECRET_SERVICE_PROBE
namespace {

const QString secretsName = u"org.freedesktop.secrets"_s;
const QString secretsPath = u"/org/freedesktop/secrets"_s;
const QString serviceInterface = u"org.freedesktop.Secret.Service"_s;
constexpr int callTimeoutMs = 5000;

// One probe in flight: a chain of asynchronous D-Bus calls that ends in exactly one answer.
class ProbeRun : public QObject
{
public:
    ProbeRun(QString service, QString key, QObject *context,
             std::function<void(const SecretServiceProbe::Finding &)> cb)
        : m_service(std::move(service))
        , m_key(std::move(key))
        , m_context(context)
        , m_guarded(context != nullptr)
        , m_callback(std::move(cb))
    {}

    void start()
    {
        m_bus = std::make_unique<QDBusConnection>(QDBusConnection::sessionBus());
        if (!m_bus->isConnected()) {
            m_finding.state = SecretServiceProbe::State::NoSessionBus;
            finishLater();
            return;
        }
        QDBusMessage hasOwner =
            QDBusMessage::createMethodCall(u"org.freedesktop.DBus"_s, u"/org/freedesktop/DBus"_s,
                                           u"org.freedesktop.DBus"_s, u"NameHasOwner"_s);
        hasOwner << secretsName;
        call(hasOwner, [this](const QDBusMessage &reply) {
            if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
                return finish();
            if (!reply.arguments().constFirst().toBool()) {
                m_finding.state = SecretServiceProbe::State::NoSecretService;
                return finish();
            }
            m_finding.state = SecretServiceProbe::State::Running;
            searchItems();
        });
    }

private:
    void searchItems()
    {
        QDBusMessage search =
            QDBusMessage::createMethodCall(secretsName, secretsPath, serviceInterface, u"SearchItems"_s);
        // The attributes QtKeychain's libsecret backend stores (schema org.qt.keychain).
        const QMap<QString, QString> attributes{{u"user"_s, m_key}, {u"server"_s, m_service}};
        search << QVariant::fromValue(attributes);
        call(search, [this](const QDBusMessage &reply) {
            if (reply.type() == QDBusMessage::ReplyMessage && reply.arguments().size() == 2) {
                m_finding.unlockedItems = countPaths(reply.arguments().at(0));
                m_finding.lockedItems = countPaths(reply.arguments().at(1));
            }
            readDefaultAlias();
        });
    }

    void readDefaultAlias()
    {
        QDBusMessage alias =
            QDBusMessage::createMethodCall(secretsName, secretsPath, serviceInterface, u"ReadAlias"_s);
        alias << u"default"_s;
        call(alias, [this](const QDBusMessage &reply) {
            if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
                return finish();
            const QString path = qdbus_cast<QDBusObjectPath>(reply.arguments().constFirst()).path();
            if (path.isEmpty() || path == u"/")
                return finish();
            QDBusMessage get = QDBusMessage::createMethodCall(secretsName, path,
                                                              u"org.freedesktop.DBus.Properties"_s, u"Get"_s);
            get << u"org.freedesktop.Secret.Collection"_s << u"Locked"_s;
            call(get, [this](const QDBusMessage &lockedReply) {
                if (lockedReply.type() == QDBusMessage::ReplyMessage && !lockedReply.arguments().isEmpty()) {
                    m_finding.defaultCollectionLocked =
                        qdbus_cast<QDBusVariant>(lockedReply.arguments().constFirst()).variant().toBool();
                }
                finish();
            });
        });
    }

    static int countPaths(const QVariant &argument)
    {
        return int(qdbus_cast<QList<QDBusObjectPath>>(argument).size());
    }

    template <typename Handler>
    void call(const QDBusMessage &message, Handler handler)
    {
        auto *watcher = new QDBusPendingCallWatcher(m_bus->asyncCall(message, callTimeoutMs), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [watcher, handler] {
            watcher->deleteLater();
            handler(watcher->reply());
        });
    }

    void finishLater()
    {
        // Always asynchronous, like the D-Bus path, so callers see one behaviour.
        QTimer::singleShot(0, this, [this] { finish(); });
    }

    void finish()
    {
        auto callback = std::exchange(m_callback, nullptr);
        if (callback && !(m_guarded && m_context.isNull()))
            callback(m_finding);
        deleteLater();
    }

    QString m_service;
    QString m_key;
    QPointer<QObject> m_context;
    bool m_guarded;
    std::function<void(const SecretServiceProbe::Finding &)> m_callback;
    std::unique_ptr<QDBusConnection> m_bus;
    SecretServiceProbe::Finding m_finding;
};

} // namespace
#endif

void SecretServiceProbe::probe(const QString &service, const QString &key, QObject *context,
                               std::function<void(const Finding &)> callback)
{
#ifdef SESSIONSCOPE_HAVE_SECRET_SERVICE_PROBE
    // SearchItems takes a{ss}, which QtDBus marshals only once the type is registered.
    static const bool registered = [] {
        qDBusRegisterMetaType<QMap<QString, QString>>();
        return true;
    }();
    Q_UNUSED(registered)
    auto *run = new ProbeRun(service, key, context, std::move(callback));
    run->start();
#else
    Q_UNUSED(service)
    Q_UNUSED(key)
    const QPointer<QObject> guard(context);
    const bool guarded = context != nullptr;
    QTimer::singleShot(0, [guard, guarded, callback = std::move(callback)] {
        if (!(guarded && guard.isNull()))
            callback(Finding());
    });
#endif
}
