// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aws/credentials/KeychainAccess.h"

#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

struct KeychainAccess::Request
{
    Operation operation = Operation::Read;
    QString key;
    QString what;
    QByteArray secret; // for writes; cleared when done
    QPointer<QObject> context;
    bool guarded = false;
    ReadCallback readCallback;
    DoneCallback doneCallback;
    bool retried = false;

    // Every operation starts from the same fields; the caller adds its secret and callback.
    static std::shared_ptr<Request> make(Operation operation, const QString &key, const QString &what,
                                         QObject *context)
    {
        auto request = std::make_shared<Request>();
        request->operation = operation;
        request->key = key;
        request->what = what;
        request->context = context;
        request->guarded = context != nullptr;
        return request;
    }

    bool contextAlive() const { return !(guarded && context.isNull()); }

    void answer(const AwsResult<QByteArray> &result)
    {
        secret.fill('\0');
        secret.clear();
        if (!contextAlive())
            return;
        if (ReadCallback callback = std::exchange(readCallback, nullptr)) {
            callback(result);
        } else if (DoneCallback done = std::exchange(doneCallback, nullptr)) {
            if (result)
                done(std::monostate());
            else
                done(result.error());
        }
    }
};

KeychainAccess::KeychainAccess(QObject *parent)
    : QObject(parent)
{}

QString KeychainAccess::serviceName()
{
    return u"SessionScope"_s;
}

void KeychainAccess::read(const QString &key, const QString &what, QObject *context, ReadCallback callback)
{
    auto request = Request::make(Operation::Read, key, what, context);
    request->readCallback = std::move(callback);
    start(request);
}

void KeychainAccess::write(const QString &key, const QByteArray &secret, const QString &what,
                           QObject *context, DoneCallback callback)
{
    auto request = Request::make(Operation::Write, key, what, context);
    request->secret = secret;
    request->doneCallback = std::move(callback);
    start(request);
}

void KeychainAccess::remove(const QString &key, const QString &what, QObject *context, DoneCallback callback)
{
    auto request = Request::make(Operation::Delete, key, what, context);
    request->doneCallback = std::move(callback);
    start(request);
}

void KeychainAccess::start(const std::shared_ptr<Request> &request)
{
    // Jobs have no parent and delete themselves when done: deleting one while the backend still works
    // on it would leave the backend calling into freed memory.
    QKeychain::Job *job = nullptr;
    switch (request->operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(serviceName());
        break;
    case Operation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(serviceName());
        writeJob->setBinaryData(request->secret);
        job = writeJob;
        break;
    }
    case Operation::Delete:
        job = new QKeychain::DeletePasswordJob(serviceName());
        break;
    }
    job->setAutoDelete(true);
    // Never store a secret in plain text when the keychain is unavailable.
    job->setInsecureFallback(false);
    job->setKey(request->key);
    connect(job, &QKeychain::Job::finished, this,
            [this, request](QKeychain::Job *finished) { onJobFinished(request, finished); });
    job->start();
}

void KeychainAccess::onJobFinished(const std::shared_ptr<Request> &request, QKeychain::Job *job)
{
    const QKeychain::Error code = job->error();
    const QString errorString = job->errorString();
    if (code == QKeychain::NoError) {
        if (request->operation == Operation::Read) {
            QByteArray data = static_cast<QKeychain::ReadPasswordJob *>(job)->binaryData();
            request->answer(data);
            data.fill('\0');
            return;
        }
        if (request->operation == Operation::Delete) {
            // The Secret Service "deletes" an entry of a locked collection by doing nothing; make sure it
            // is really gone.
            SecretServiceProbe::probe(
                serviceName(), request->key, this, [request](const SecretServiceProbe::Finding &finding) {
                    if (finding.lockedItems > 0 || finding.unlockedItems > 0) {
                        request->answer(errorFor(Operation::Delete, QKeychain::CouldNotDeleteEntry, QString(),
                                                 finding, request->what));
                    } else {
                        request->answer(QByteArray());
                    }
                });
            return;
        }
        request->answer(QByteArray());
        return;
    }
    if (code == QKeychain::EntryNotFound && request->operation == Operation::Delete) {
        request->answer(QByteArray());
        return;
    }
    // As Nextcloud does: the backend may simply not be up yet (session start, D-Bus activation).
    if (!request->retried && (code == QKeychain::NoBackendAvailable || code == QKeychain::OtherError)) {
        request->retried = true;
        Q_EMIT retryScheduled(request->key);
        QTimer::singleShot(m_retryDelayMs, this, [this, request] { start(request); });
        return;
    }
    fail(request, code, errorString);
}

void KeychainAccess::fail(const std::shared_ptr<Request> &request, QKeychain::Error code,
                          const QString &errorString)
{
    SecretServiceProbe::probe(
        serviceName(), request->key, this,
        [request, code, errorString](const SecretServiceProbe::Finding &finding) {
            request->answer(errorFor(request->operation, code, errorString, finding, request->what));
        });
}

AwsError KeychainAccess::errorFor(Operation operation, QKeychain::Error code, const QString &errorString,
                                  const SecretServiceProbe::Finding &finding, const QString &what)
{
    const auto error = [](const QString &message) {
        return AwsError(AwsError::Category::Credentials, message);
    };
    const QString detail = errorString.trimmed().isEmpty() ? tr("no details") : errorString.trimmed();

    switch (finding.state) {
    case SecretServiceProbe::State::NoSessionBus:
        return error(
            tr("No keychain service is running (Secret Service over D-Bus): there is no D-Bus session bus "
               "to reach it. Run SessionScope in a desktop session, or start one with dbus-run-session and "
               "a keyring such as gnome-keyring."));
    case SecretServiceProbe::State::NoSecretService:
        return error(
            tr("No keychain service is running (Secret Service over D-Bus): nothing provides "
               "org.freedesktop.secrets on the session bus. Start gnome-keyring, KWallet or KeePassXC's "
               "Secret Service integration, then retry."));
    case SecretServiceProbe::State::Running:
    case SecretServiceProbe::State::Unknown:
        break;
    }
    // A locked collection hides entries (reads), refuses new ones (writes) and ignores deletes.
    const bool lockedMatters = (operation == Operation::Read && finding.lockedItems > 0) ||
                               (operation == Operation::Read && code == QKeychain::EntryNotFound &&
                                finding.unlockedItems == 0 && finding.defaultCollectionLocked) ||
                               (operation == Operation::Write && finding.defaultCollectionLocked) ||
                               (operation == Operation::Delete && finding.lockedItems > 0);
    if (lockedMatters && code != QKeychain::AccessDeniedByUser) {
        return error(
            tr("The system keychain is locked, so the secret of %1 cannot be %2. Unlock it (for example "
               "in your desktop's Passwords and Keys application, or by logging in again), then retry.")
                .arg(what, operation == Operation::Read    ? tr("read")
                           : operation == Operation::Write ? tr("saved")
                                                           : tr("deleted")));
    }

    switch (code) {
    case QKeychain::EntryNotFound:
        return error(
            tr("The system keychain holds no secret for %1. Enter the secret access key again in the "
               "profile's settings.")
                .arg(what));
    case QKeychain::AccessDeniedByUser:
        return error(tr("Access to the system keychain was denied by the user, so the secret of %1 is not "
                        "available.")
                         .arg(what));
    case QKeychain::AccessDenied:
        return error(tr("The system keychain denied access to the secret of %1: %2").arg(what, detail));
    case QKeychain::NoBackendAvailable:
        return error(tr("No keychain service is available on this system: %1").arg(detail));
    case QKeychain::NotImplemented:
        return error(tr("The system keychain is not supported on this platform."));
    case QKeychain::CouldNotDeleteEntry:
        return error(tr("Could not delete the secret of %1 from the system keychain: %2").arg(what, detail));
    case QKeychain::OtherError:
    case QKeychain::NoError:
        break;
    }
    return error(tr("The system keychain failed while handling the secret of %1: %2").arg(what, detail));
}
