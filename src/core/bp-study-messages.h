/* bp-study-messages.h: the study store's errors, each naming the file and what the user can do
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bp-study-store.h"

G_BEGIN_DECLS

GError *_bp_study_store_error_new (BpStudyStoreError  code,
                                   const char        *path,
                                   const GError      *cause);

G_END_DECLS
