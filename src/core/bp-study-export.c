/* bp-study-export.c: the user's notes and weak topics as one markdown document
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-study-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bp-study-export.h"

/* Notes are the user's markdown: they go in as written, set off by a blank line. */
static void
append_notes (GString    *out,
              const char *notes)
{
  if (notes == NULL || *notes == '\0')
    {
      g_string_append_printf (out, "_%s_\n\n", _("No notes."));
      return;
    }

  g_string_append (out, notes);
  if (!g_str_has_suffix (notes, "\n"))
    g_string_append_c (out, '\n');
  g_string_append_c (out, '\n');
}

static void
append_question (GString      *out,
                 BpStudyStore *store,
                 BpQuestion   *question)
{
  const char *id = bp_question_get_id (question);
  g_autofree char *notes = bp_study_store_dup_notes (store, id);

  g_string_append (out, "## ");
  /* Translators: a question's heading in exported notes, e.g. "Q4: Why batch norm?" */
  g_string_append_printf (out, _("Q%u: %s"),
                          bp_question_get_number (question), bp_question_get_title (question));
  g_string_append (out, "\n\n");
  g_string_append_printf (out, "%s %s\n\n", _("Weak topic:"),
                          bp_study_store_get_weak (store, id) ? _("yes") : _("no"));
  append_notes (out, notes);
}

/* Entries whose question left the deck are kept by the store; the export keeps them too. */
static void
append_orphans (GString      *out,
                BpDeck       *deck,
                BpStudyStore *store)
{
  g_auto(GStrv) ids = bp_study_store_dup_ids (store);
  gboolean any = FALSE;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autofree char *notes = NULL;

      if (bp_deck_find_by_id (deck, ids[i]) != NULL)
        continue;

      notes = bp_study_store_dup_notes (store, ids[i]);
      if ((notes == NULL || *notes == '\0') && !bp_study_store_get_weak (store, ids[i]))
        continue;

      if (!any)
        g_string_append_printf (out, "## %s\n\n", _("Notes on questions no longer in the deck"));
      any = TRUE;

      g_string_append_printf (out, "### %s\n\n", ids[i]);
      g_string_append_printf (out, "%s %s\n\n", _("Weak topic:"),
                              bp_study_store_get_weak (store, ids[i]) ? _("yes") : _("no"));
      append_notes (out, notes);
    }
}

/**
 * bp_study_export_markdown:
 * @now: when the export is made, written in its header
 *
 * Every question of @deck, in order, with its number, title, weak-topic flag and notes;
 * then the notes of questions that are no longer in the deck.
 *
 * Returns: (transfer full): the markdown document.
 */
char *
bp_study_export_markdown (BpDeck       *deck,
                          BpStudyStore *store,
                          GDateTime    *now)
{
  g_autofree char *date = NULL;
  GString *out;

  g_return_val_if_fail (BP_IS_DECK (deck), NULL);
  g_return_val_if_fail (BP_IS_STUDY_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  date = g_date_time_format (now, "%Y-%m-%d");
  out = g_string_new (NULL);
  /* Translators: the title of an exported notes file; %s is the deck's title */
  g_string_append_printf (out, _("# Backprop notes: %s"), bp_deck_get_title (deck));
  g_string_append (out, "\n\n");
  /* Translators: %s is a date such as 2026-11-27 */
  g_string_append_printf (out, _("Exported on %s."), date);
  g_string_append (out, "\n\n");

  for (guint i = 0; i < bp_deck_get_n_questions (deck); i++)
    append_question (out, store, bp_deck_get_question (deck, i));

  append_orphans (out, deck, store);

  return g_string_free (out, FALSE);
}
