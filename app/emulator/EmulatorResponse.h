// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

/// One answer of the emulator before it goes on the wire: status, headers, JSON body, and how to
/// deliver it (completely, or broken on purpose by the fault injector).
struct EmulatorResponse
{
    enum class Delivery {
        Complete,
        TruncatedBody,   ///< send the headers and half the body, then close the connection
        ConnectionReset, ///< send nothing and reset the connection
    };

    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Delivery delivery = Delivery::Complete;

    /// 200 (or `status`) with `object` as compact JSON.
    static EmulatorResponse json(const QJsonObject &object, int status = 200);
    /// An AWS REST-JSON error: x-amzn-ErrorType "Code:http://internal.amazon.com/coral/<ns>/" and a body
    /// {"message": ...} plus `extra` fields (fieldList, resourceId, ...).
    static EmulatorResponse error(int status, const QString &code, const QString &message,
                                  const QString &errorNamespace, const QJsonObject &extra = {});

    /// The value of the first header of that name (case-insensitive), or a null QByteArray.
    QByteArray header(const QByteArray &name) const;
    /// The error code (x-amzn-ErrorType before ':'), empty for successes.
    QString errorCode() const;
};
