// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>

/// The application id the SDKs append to the User-Agent ("app/<id>"): AWS_SDK_UA_APP_ID, else the
/// profile's `sdk_ua_app_id`. As botocore, a value longer than maxLength is kept but draws a warning.
class AppIdResolver
{
public:
    /// botocore's USERAGENT_APPID_MAXLEN.
    static constexpr int maxLength = 50;

    struct Resolved
    {
        QString appId;   ///< as configured (not yet sanitised); empty: none
        QString source;  ///< "AWS_SDK_UA_APP_ID", "profile NAME" or empty when there is none
        QString warning; ///< set when the id is longer than maxLength
    };

    static Resolved resolve(const QProcessEnvironment &env, const QString &profileValue,
                            const QString &profileName);
};
