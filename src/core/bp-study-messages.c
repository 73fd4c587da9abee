/* bp-study-messages.c: the study store's errors, each naming the file and what the user can do
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-study-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bp-study-messages.h"

/* A user never sees a raw errno: the common causes in words, the rest as GLib says them. */
static const char *
describe_file_error (const GError *error)
{
  if (error->domain != G_FILE_ERROR)
    return error->message;

  switch (error->code)
    {
    case G_FILE_ERROR_NOSPC:
      return _("the disk is full");
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
      return _("permission denied");
    case G_FILE_ERROR_ROFS:
      return _("the disk is read-only");
    case G_FILE_ERROR_NOTDIR:
    case G_FILE_ERROR_NOENT:
      return _("its folder could not be created");
    default:
      return error->message;
    }
}

/**
 * _bp_study_store_error_new:
 * @cause: (nullable): the file error behind it
 *
 * One message per code; each names the file and says what the user can do about it.
 *
 * Returns: (transfer full): an error of %BP_STUDY_STORE_ERROR
 */
GError *
_bp_study_store_error_new (BpStudyStoreError  code,
                           const char        *path,
                           const GError      *cause)
{
  g_autofree char *name = g_filename_display_name (path);
  const char *why = cause != NULL ? describe_file_error (cause) : "";

  switch (code)
    {
    case BP_STUDY_STORE_ERROR_READ:
      return g_error_new (BP_STUDY_STORE_ERROR, code,
                          _("Could not read your study data from %s: %s. Backprop will not "
                            "save changes until it can; check the file’s permissions."),
                          name, why);
    case BP_STUDY_STORE_ERROR_CORRUPT:
      return g_error_new (BP_STUDY_STORE_ERROR, code,
                          _("Your study data in %s is damaged and could not be set aside: %s. "
                            "Backprop will not change it; move the file away to start afresh."),
                          name, why);
    case BP_STUDY_STORE_ERROR_NEWER_VERSION:
      return g_error_new (BP_STUDY_STORE_ERROR, code,
                          _("Your study data in %s was saved by a newer version of Backprop. "
                            "This version will not change it, so what you change now is not "
                            "saved. Update Backprop to go on with it."),
                          name);
    case BP_STUDY_STORE_ERROR_WRITE:
      return g_error_new (BP_STUDY_STORE_ERROR, code,
                          _("Could not save your notes to %s: %s. Backprop will try again."),
                          name, why);
    case BP_STUDY_STORE_ERROR_READ_ONLY:
    default:
      return g_error_new (BP_STUDY_STORE_ERROR, BP_STUDY_STORE_ERROR_READ_ONLY,
                          _("Your study data in %s cannot be saved."), name);
    }
}
