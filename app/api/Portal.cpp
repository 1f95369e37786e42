// SPDX-FileCopyrightText: 2026 SessionScope contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/Portal.h"

QString Portal::portalId() const
{
    return portalArn.mid(portalArn.lastIndexOf(u'/') + 1);
}
