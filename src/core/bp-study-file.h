/* bp-study-file.h: the study file on disk: read with its checksum, durable writes, damage set aside
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  bp_study_file_read                (const char  *path,
                                             GBytes     **bytes,
                                             char       **checksum,
                                             GError     **error);
char     *bp_study_file_checksum            (GBytes      *bytes);
gboolean  bp_study_file_write               (const char  *path,
                                             GBytes      *bytes,
                                             GError     **error);
char     *bp_study_file_move_aside          (const char  *path,
                                             GDateTime   *now,
                                             GError     **error);
gboolean  bp_study_file_is_temporary        (const char  *path,
                                             const char  *name);
guint     bp_study_file_remove_temporaries  (const char  *path);

G_END_DECLS
