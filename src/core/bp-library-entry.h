/* bp-library-entry.h: one deck of the library: its id, file, title and whether it can be read
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bp-deck.h"

G_BEGIN_DECLS

#define BP_TYPE_LIBRARY_ENTRY (bp_library_entry_get_type ())

G_DECLARE_FINAL_TYPE (BpLibraryEntry, bp_library_entry, BP, LIBRARY_ENTRY, GObject)

const char *bp_library_entry_get_id          (BpLibraryEntry *self);
const char *bp_library_entry_get_path        (BpLibraryEntry *self);
const char *bp_library_entry_get_title       (BpLibraryEntry *self);
guint       bp_library_entry_get_n_questions (BpLibraryEntry *self);
gboolean    bp_library_entry_get_available   (BpLibraryEntry *self);
gboolean    bp_library_entry_get_builtin     (BpLibraryEntry *self);
BpDeck     *bp_library_entry_get_deck        (BpLibraryEntry *self);

G_END_DECLS
