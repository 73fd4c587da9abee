/* bp-library-private.h: what the library's files and its tests share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bp-library.h"

G_BEGIN_DECLS

BpLibraryEntry *_bp_library_entry_new             (const char     *id,
                                                   const char     *path);
const char     *_bp_library_entry_get_fingerprint (BpLibraryEntry *self);
const char     *_bp_library_entry_get_checksum    (BpLibraryEntry *self);
void            _bp_library_entry_set_checksum    (BpLibraryEntry *self,
                                                   const char     *checksum);
void            _bp_library_entry_set_fingerprint (BpLibraryEntry *self,
                                                   const char     *fingerprint);
void            _bp_library_entry_set_path        (BpLibraryEntry *self,
                                                   const char     *path);
void            _bp_library_entry_set_title       (BpLibraryEntry *self,
                                                   const char     *title);
void            _bp_library_entry_set_n_questions (BpLibraryEntry *self,
                                                   guint           n_questions);
void            _bp_library_entry_set_available   (BpLibraryEntry *self,
                                                   gboolean        available);
void            _bp_library_entry_set_deck        (BpLibraryEntry *self,
                                                   BpDeck         *deck);

/* What the open worker learns: the deck, under the id it is to keep. */
typedef struct
{
  char *path;
  char *id;
  char *fingerprint;
  char *checksum;  /* SHA-256 of the file's bytes */
  BpDeck *deck;
} BpLibraryOpened;

BpLibraryEntry *_bp_library_remember              (BpLibrary       *self,
                                                   BpLibraryOpened *opened);

G_END_DECLS
