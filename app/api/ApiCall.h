// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aws/transport/AwsTransport.h"

#include <QString>

#include <functional>
#include <utility>

/// What the typed clients share: send a request through the transport and decode the answer, or refuse
/// it with an error delivered like an answer (queued, cancellable). Internal to app/api.
namespace ApiCall {

template <typename T>
using Callback = std::function<void(const AwsResult<T> &)>;

/// Sends `request` and hands the 2xx body to `decode` (QByteArray -> AwsResult<T>). A decoding error
/// carries the action, HTTP status and request id of the answer it came from.
template <typename T, typename Decode>
CallHandle send(AwsTransport *transport, const AwsRequest &request, const QString &signingName,
                const QString &region, const QString &action, QObject *context, Callback<T> callback,
                Decode decode)
{
    return transport->send(request, signingName, region, action, context,
                           [callback = std::move(callback), decode = std::move(decode),
                            action](const AwsResult<AwsResponse> &answer) {
                               if (!answer) {
                                   callback(answer.error());
                                   return;
                               }
                               AwsResult<T> decoded = decode(answer.value().body);
                               if (!decoded) {
                                   AwsError error = decoded.error();
                                   error.setAction(action)
                                       .setHttpStatus(answer.value().httpStatus)
                                       .setRequestId(answer.value().requestId());
                                   callback(error);
                                   return;
                               }
                               callback(decoded);
                           });
}

/// Delivers `error` (with `action` set) through `callback` later, never before this returns.
template <typename T>
CallHandle refuse(AwsTransport *transport, AwsError error, const QString &action, QObject *context,
                  Callback<T> callback)
{
    error.setAction(action);
    return transport->fail(
        error, context,
        [callback = std::move(callback)](const AwsResult<AwsResponse> &answer) { callback(answer.error()); });
}

} // namespace ApiCall
