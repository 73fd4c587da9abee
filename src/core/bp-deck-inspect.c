/* bp-deck-inspect.c: what "backprop --inspect" prints about a deck, for its author
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-deck-inspect"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bp-deck-inspect.h"
#include "bp-deck-parser.h"

#define INSPECT_DECK_ID "inspect"

/*
 * The report's words are the user's language; its flags are codes, as a compiler's
 * warning options are: scripts and tests grep them, so they stay as they are in every
 * language, and the legend (bp_deck_inspect_dup_legend()) says what each means.
 */
#define FLAG_EMPTY_ANSWER "empty-answer"
#define FLAG_SAME_TITLE "same-title"

static guint
answer_length (BpQuestion *question)
{
  g_autofree char *text = g_strdup (bp_answer_document_get_text (bp_question_get_document (question)));

  return bp_question_has_answer (question) ? g_utf8_strlen (g_strstrip (text), -1) : 0;
}

/* "N questions, M without an answer": each number with its own plural form. */
static void
append_totals (GString *report,
               guint    n_questions,
               guint    n_empty)
{
  g_autofree char *questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question",
                                                             "%u questions", n_questions),
                                                n_questions);
  g_autofree char *empty = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u without an answer",
                                                         "%u without an answer", n_empty),
                                            n_empty);

  /* Translators: the report's last line, "12 questions, 1 without an answer" */
  g_string_append_printf (report, _("%s, %s\n"), questions, empty);
}

static void
append_question (GString           *report,
                 BpDeckParseResult *result,
                 guint              position,
                 GHashTable        *titles)
{
  BpQuestion *question = bp_deck_get_question (bp_deck_parse_result_get_deck (result), position);
  const char *title = bp_question_get_title (question);
  const char *subtitle = bp_question_get_subtitle (question);

  g_string_append_printf (report, "Q%-4u line %-6d %s", bp_question_get_number (question),
                          bp_deck_parse_result_get_line (result, position), title);
  if (*subtitle != '\0')
    g_string_append_printf (report, " — %s", subtitle);
  g_string_append_printf (report, g_dngettext (GETTEXT_PACKAGE, " (%u character)", " (%u characters)",
                                               answer_length (question)),
                          answer_length (question));
  if (!bp_question_has_answer (question))
    g_string_append (report, " " FLAG_EMPTY_ANSWER);
  if (GPOINTER_TO_UINT (g_hash_table_lookup (titles, title)) > 1)
    g_string_append (report, " " FLAG_SAME_TITLE);
  g_string_append_c (report, '\n');
}

static GHashTable *
count_titles (BpDeck *deck)
{
  GHashTable *titles = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < bp_deck_get_n_questions (deck); i++)
    {
      const char *title = bp_question_get_title (bp_deck_get_question (deck, i));
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (titles, title));

      g_hash_table_insert (titles, (char *)title, GUINT_TO_POINTER (n + 1));
    }

  return titles;
}

static void
append_rule (GString           *report,
             BpDeckParseResult *result)
{
  g_string_append_printf (report, _("Rule: %s"),
                          bp_deck_rule_to_string (bp_deck_parse_result_get_rule (result)));
  if (bp_deck_parse_result_get_level (result) > 0)
    g_string_append_printf (report, _(", level %d"), bp_deck_parse_result_get_level (result));
  g_string_append_c (report, '\n');
}

static void
append_warnings (GString           *report,
                 BpDeckParseResult *result)
{
  guint n = bp_deck_parse_result_get_n_warnings (result);

  if (n == 0)
    return;

  g_string_append (report, _("Warnings:\n"));
  for (guint i = 0; i < n; i++)
    {
      const BpDeckWarning *warning = bp_deck_parse_result_get_warning (result, i);

      g_string_append_printf (report, _("  line %d: %s\n"), warning->line, warning->message);
    }
}

/**
 * bp_deck_inspect:
 * @file_name: the deck's file name, its title when it has no level-1 heading
 * @text: the file's bytes
 *
 * The deck's title, the rule that read it, each question (number, line, title, answer
 * length, flags), the warnings, and "N questions, M without an answer".
 *
 * Returns: (transfer full): the report, or %NULL with @error set when @text is no deck.
 */
char *
bp_deck_inspect (const char  *file_name,
                 const char  *text,
                 gsize        length,
                 GError     **error)
{
  g_autoptr(BpDeckParseResult) result = NULL;
  g_autoptr(GHashTable) titles = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  BpDeck *deck;
  guint n_empty = 0;

  g_return_val_if_fail (file_name != NULL, NULL);

  if (!bp_deck_parser_check_bytes (text, length, error))
    return NULL;

  result = bp_deck_parser_parse_full (INSPECT_DECK_ID, text, length, BP_DECK_UNTRUSTED, error);
  if (result == NULL)
    return NULL;

  deck = bp_deck_parse_result_get_deck (result);
  titles = count_titles (deck);
  g_string_append_printf (report, _("Deck: %s\n"), bp_deck_get_title_or (deck, file_name));
  append_rule (report, result);
  for (guint i = 0; i < bp_deck_get_n_questions (deck); i++)
    {
      append_question (report, result, i, titles);
      n_empty += !bp_question_has_answer (bp_deck_get_question (deck, i));
    }
  append_warnings (report, result);
  append_totals (report, bp_deck_get_n_questions (deck), n_empty);

  return g_string_free (g_steal_pointer (&report), FALSE);
}

static gboolean
has_flag (const char *report,
          const char *flag)
{
  g_autofree char *at_line_end = g_strconcat (" ", flag, "\n", NULL);
  g_autofree char *before_another = g_strconcat (" ", flag, " ", NULL);

  return strstr (report, at_line_end) != NULL || strstr (report, before_another) != NULL;
}

/**
 * bp_deck_inspect_dup_legend:
 * @report: what bp_deck_inspect() returned
 *
 * What the flags of @report mean, in the user's language, saying that the flags
 * themselves stay untranslated. Pure.
 *
 * Returns: (transfer full) (nullable): the legend, or %NULL when @report has no flag
 */
char *
bp_deck_inspect_dup_legend (const char *report)
{
  static const struct { const char *flag; const char *meaning; } flags[] = {
    { FLAG_EMPTY_ANSWER, N_("the question has no answer") },
    { FLAG_SAME_TITLE, N_("another question has the same title") },
  };
  g_autoptr(GString) legend = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      if (!has_flag (report, flags[i].flag))
        continue;
      if (legend == NULL)
        legend = g_string_new (_("Flags (codes for scripts, never translated):\n"));
      g_string_append_printf (legend, "  %-13s %s\n", flags[i].flag, _(flags[i].meaning));
    }
  return legend != NULL ? g_string_free (g_steal_pointer (&legend), FALSE) : NULL;
}
