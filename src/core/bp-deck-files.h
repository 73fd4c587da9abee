/* bp-deck-files.h: the files beside a deck (its images), read only from inside the deck's folder
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Larger files are refused: no deck's image needs more, and each is read whole. */
#define BP_DECK_FILE_MAX_SIZE (16 * 1024 * 1024)

const char *bp_deck_files_content_type      (const char    *path);
char       *bp_deck_files_resolve           (const char    *folder,
                                             const char    *relative_path,
                                             GError       **error);
GBytes     *bp_deck_files_load              (const char    *folder,
                                             const char    *relative_path,
                                             const char   **content_type,
                                             GError       **error);
gboolean    bp_deck_files_error_is_the_file (const GError  *error);

G_END_DECLS
