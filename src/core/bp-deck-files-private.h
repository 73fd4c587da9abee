/* bp-deck-files-private.h: the reading step of bp-deck-files.c, for its tests
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bp-deck-files.h"

G_BEGIN_DECLS

/* Reads @path, a real path bp_deck_files_resolve() returned, if it is still the regular
 * file found there (no link swapped in since); @relative_path names it in errors. */
GBytes *_bp_deck_files_read_resolved (const char  *path,
                                      const char  *relative_path,
                                      GError     **error);

G_END_DECLS
