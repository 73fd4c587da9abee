/* bp-study-merge.h: the three-way merge of study data (base, mine, theirs), a pure function
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bp-study-entry.h"
#include "bp-study-format.h"

G_BEGIN_DECLS

BpStudyEntry  *bp_study_merge_entry (const BpStudyEntry *base,
                                     BpStudyEntry       *mine,
                                     BpStudyEntry       *theirs,
                                     GTimeZone          *time_zone);
char         **bp_study_merge_extra (const char * const *base,
                                     const char * const *mine,
                                     const char * const *theirs);
BpStudyData   *bp_study_merge       (const BpStudyData  *base,
                                     const BpStudyData  *mine,
                                     const BpStudyData  *theirs,
                                     GTimeZone          *time_zone);

G_END_DECLS
