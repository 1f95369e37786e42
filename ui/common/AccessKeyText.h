// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// Text with Qt's access key markers, as a person reads it. Every place that shows a menu, button or label
/// text somewhere else (tooltips, accessible names, the shortcuts page) goes through here, so that all of
/// them agree in every language.
class AccessKeyText
{
public:
    /// "&Refresh" → "Refresh", "R&&D" → "R&D", and the form Japanese and Chinese use, where the key's
    /// letter is added in brackets: "更新(&R)" → "更新", "エクスポート(&E)…" → "エクスポート…".
    static QString plain(const QString &text);
    /// A field label as the name of its field: plain(), without the colon at its end (also the full-width
    /// one Chinese and Japanese use): "&Format:" → "Format", "格式(&F)：" → "格式".
    static QString labelName(const QString &text);
};
