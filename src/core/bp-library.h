/* bp-library.h: the decks the user studies: the built-in one and every file they opened
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bp-deck-progress.h"
#include "bp-library-entry.h"

G_BEGIN_DECLS

#define BP_LIBRARY_ERROR (bp_library_error_quark ())

/**
 * BpLibraryError:
 * @BP_LIBRARY_ERROR_UNREADABLE: the file could not be read (missing, no permission, a folder)
 * @BP_LIBRARY_ERROR_EMPTY: the file has nothing in it
 * @BP_LIBRARY_ERROR_TOO_LARGE: the file is over %BP_DECK_MAX_SIZE
 * @BP_LIBRARY_ERROR_BINARY: the file holds NUL bytes: a program, an image, an archive
 * @BP_LIBRARY_ERROR_NOT_A_DECK: the file is text but no deck (see the parser's message)
 * @BP_LIBRARY_ERROR_NEWER_VERSION: a newer Backprop wrote the library file; it is kept as is
 */
typedef enum {
  BP_LIBRARY_ERROR_UNREADABLE,
  BP_LIBRARY_ERROR_EMPTY,
  BP_LIBRARY_ERROR_TOO_LARGE,
  BP_LIBRARY_ERROR_BINARY,
  BP_LIBRARY_ERROR_NOT_A_DECK,
  BP_LIBRARY_ERROR_NEWER_VERSION,
} BpLibraryError;

/* The library file's major version; an older Backprop keeps the keys it does not know. */
#define BP_LIBRARY_FILE_VERSION 1

#define BP_TYPE_LIBRARY (bp_library_get_type ())

G_DECLARE_FINAL_TYPE (BpLibrary, bp_library, BP, LIBRARY, GObject)

GQuark          bp_library_error_quark        (void);
char           *bp_library_dup_default_path   (void);

BpLibrary      *bp_library_new                (const char           *path,
                                               BpDeck               *builtin);
const char     *bp_library_get_path           (BpLibrary            *self);
gboolean        bp_library_load               (BpLibrary            *self,
                                               GDateTime            *now,
                                               GError              **error);
gboolean        bp_library_save               (BpLibrary            *self,
                                               GError              **error);
const char     *bp_library_get_recovered_from (BpLibrary            *self);

BpLibraryEntry *bp_library_lookup             (BpLibrary            *self,
                                               const char           *id);
BpLibraryEntry *bp_library_lookup_path        (BpLibrary            *self,
                                               const char           *path);
gboolean        bp_library_remove             (BpLibrary            *self,
                                               const char           *id,
                                               GError              **error);
void            bp_library_check_available    (BpLibrary            *self);

void            bp_library_open_with_progress_async (BpLibrary      *self,
                                                     GFile          *file,
                                                     BpDeckProgress *progress,
                                                     GCancellable   *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer        user_data);
void            bp_library_open_async         (BpLibrary            *self,
                                               GFile                *file,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
BpLibraryEntry *bp_library_open_finish        (BpLibrary            *self,
                                               GAsyncResult         *result,
                                               GError              **error);

char           *bp_library_fingerprint        (BpDeck               *deck);
BpDeck         *bp_library_read_deck          (const char           *deck_id,
                                               GBytes               *bytes,
                                               GError              **error);

G_END_DECLS
