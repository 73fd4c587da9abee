/* bp-settings-enums.h: the enums GSettings keys take (their GTypes and schema enums are generated)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BpFilter:
 * @BP_FILTER_ALL: every question of the deck
 * @BP_FILTER_WEAK: the questions marked as weak topics
 * @BP_FILTER_NOTES: the questions with notes
 * @BP_FILTER_UNREAD: the questions not read yet
 * @BP_FILTER_DUE: the questions due for review today (or overdue)
 *
 * Which questions the sidebar lists. The nicks are what the "filter" key stores: a
 * user's saved setting depends on them, so they never change.
 */
typedef enum {
  BP_FILTER_ALL,    /*< nick=all >*/
  BP_FILTER_WEAK,   /*< nick=weak >*/
  BP_FILTER_NOTES,  /*< nick=notes >*/
  BP_FILTER_UNREAD, /*< nick=unread >*/
  BP_FILTER_DUE,    /*< nick=due >*/
  BP_N_FILTERS      /*< skip >*/
} BpFilter;

G_END_DECLS
