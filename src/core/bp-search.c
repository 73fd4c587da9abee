/* bp-search.c: finds the questions of a deck whose title or answer holds every word of a query
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-search"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bp-search-private.h"
#include "bp-text-fold.h"

G_DEFINE_FINAL_TYPE (BpSearchIndex, bp_search_index, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DECK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Words
 *
 * Titles, answers and queries are folded by one set of rules, bp_text_fold(): words
 * without case or accents, separated by spaces, a compound's parts joined by '-'. */

typedef void (*WordFunc) (const char *word,
                          gpointer    user_data);

/* Calls @func on each word of @folded, a result of bp_text_fold(), which it cuts up. A
 * compound ("pre-trained") is one word, "pretrained"; with @with_parts, its parts ("pre",
 * "trained") are words too, so text can be found by either. */
static void
foreach_word (char     *folded,
              gboolean  with_parts,
              WordFunc  func,
              gpointer  user_data)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  char *next;

  for (char *word = folded; word != NULL && *word != '\0'; word = next)
    {
      next = strchr (word, ' ');
      if (next != NULL)
        *next++ = '\0';

      if (strchr (word, '-') == NULL)
        {
          func (word, user_data);
          continue;
        }

      g_string_truncate (joined, 0);
      for (char *part = word, *part_end; part != NULL; part = part_end)
        {
          part_end = strchr (part, '-');
          if (part_end != NULL)
            *part_end++ = '\0';

          if (with_parts)
            func (part, user_data);
          g_string_append (joined, part);
        }
      func (joined->str, user_data);
    }
}

static void
add_query_word_cb (const char *word,
                   gpointer    user_data)
{
  GPtrArray *words = user_data;

  for (guint i = 0; i < words->len; i++)
    if (strcmp (g_ptr_array_index (words, i), word) == 0)
      return;

  g_ptr_array_add (words, g_strdup (word));
}

/**
 * bp_search_split_query:
 * @query: (nullable): what the user typed
 *
 * Splits @query into the words a question must hold, in the form the index compares them
 * in: decomposed, without accents, case-folded. A word is a run of letters and digits;
 * a hyphenated compound is one word without its hyphens ("pre-trained" → "pretrained").
 * Duplicates are dropped.
 *
 * Returns: (transfer full): the words in query order; empty when @query has none.
 */
char **
bp_search_split_query (const char *query)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *valid = NULL;
  g_autofree char *folded = NULL;

  if (query == NULL)
    return g_new0 (char *, 1);

  valid = g_utf8_make_valid (query, -1);
  folded = bp_text_fold (valid);
  foreach_word (folded, FALSE, add_query_word_cb, words);
  g_ptr_array_add (words, NULL);

  return (char **)g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

/* The piece of @query between spaces that starts at @start, without the punctuation
 * around it (NULL if it has no letter or digit); @end is set to where the piece ends. */
static char *
dup_piece (const char  *start,
           const char **end)
{
  const char *first = NULL;
  const char *last = NULL;
  const char *p;

  for (p = start; *p && !g_unichar_isspace (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    if (bp_text_fold_is_word_char (g_utf8_get_char (p)))
      {
        if (first == NULL)
          first = p;
        last = g_utf8_next_char (p);
      }

  *end = p;
  return first != NULL ? g_strndup (first, last - first) : NULL;
}

static glong
longest_word_length (const char *text)
{
  g_auto(GStrv) words = bp_search_split_query (text);
  glong longest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    longest = MAX (longest, g_utf8_strlen (words[i], -1));

  return longest;
}

/**
 * bp_search_dup_highlight:
 * @query: (nullable): what the user typed
 *
 * What to highlight in a page that matched @query: the piece of the query, between
 * spaces, that holds its longest word (the first if several are as long), as the user
 * typed it but without the punctuation around it. Give it to WebKitFindController with
 * %WEBKIT_FIND_OPTIONS_CASE_INSENSITIVE and %WEBKIT_FIND_OPTIONS_AT_WORD_STARTS: WebKit
 * then ignores case, accents and compatibility forms and equates ß and ss, as the index
 * does, and matches at word starts, as the index does. "pre-trained" stays as typed,
 * since a page that holds it most likely writes it that way too.
 *
 * Returns: (transfer full) (nullable): the text to highlight, or %NULL if @query has no words.
 */
char *
bp_search_dup_highlight (const char *query)
{
  g_autofree char *valid = NULL;
  g_autofree char *best = NULL;
  glong best_length = 0;
  const char *end;

  if (query == NULL)
    return NULL;

  valid = g_utf8_make_valid (query, -1);
  for (const char *p = valid; *p; p = *end ? g_utf8_next_char (end) : end)
    {
      g_autofree char *piece = dup_piece (p, &end);
      glong length = piece != NULL ? longest_word_length (piece) : 0;

      if (length > best_length)
        {
          g_free (best);
          best = g_steal_pointer (&piece);
          best_length = length;
        }
    }

  return g_steal_pointer (&best);
}

/* Building the index
 *
 * Every distinct word of the deck is in one vocabulary sorted by bytes, so the words that
 * start with a query word are neighbours: a range of ids, found by two binary searches.
 * Each question keeps the sorted ids of its words; whether it holds a word starting with
 * the query word is then one more binary search. */

typedef struct
{
  BpSearchIndex *self;
  GHashTable *ids;
  GArray *last_seen; /* for each id, the text it was last added for, so it is added once */
  GArray *last_slot; /* for each id, where in word_ids that text holds it, to count it again */
  guint32 text;
  guint text_length;
} Builder;

static guint32
word_id (Builder    *builder,
         const char *word)
{
  gpointer value;
  char *stored;
  guint32 id;

  if (g_hash_table_lookup_extended (builder->ids, word, NULL, &value))
    return GPOINTER_TO_UINT (value);

  stored = g_string_chunk_insert (builder->self->strings, word);
  id = builder->self->vocabulary->len;
  g_ptr_array_add (builder->self->vocabulary, stored);
  g_hash_table_insert (builder->ids, stored, GUINT_TO_POINTER (id));
  g_array_set_size (builder->last_seen, id + 1);
  g_array_set_size (builder->last_slot, id + 1);

  return id;
}

static void
add_word_cb (const char *word,
             gpointer    user_data)
{
  Builder *builder = user_data;
  guint32 id = word_id (builder, word);
  guint32 *last_seen = &g_array_index (builder->last_seen, guint32, id);
  guint32 *last_slot = &g_array_index (builder->last_slot, guint32, id);
  guint16 one = 1;

  builder->text_length++;
  if (*last_seen != builder->text)
    {
      *last_seen = builder->text;
      *last_slot = builder->self->word_ids->len;
      g_array_append_val (builder->self->word_ids, id);
      g_array_append_val (builder->self->word_counts, one);
    }
  else
    {
      guint16 *count = &g_array_index (builder->self->word_counts, guint16, *last_slot);

      if (*count < G_MAXUINT16)
        (*count)++;
    }
}

static void
add_text (Builder    *builder,
          const char *text)
{
  g_autofree char *folded = bp_text_fold (text);

  /* Texts count from 1: a new id has not been seen in any. */
  builder->text++;
  foreach_word (folded, TRUE, add_word_cb, builder);
}

static void
add_question (Builder    *builder,
              BpQuestion *question)
{
  const char *answer = bp_answer_document_get_text (bp_question_get_document (question));
  BpSearchEntry entry;

  entry.title_start = builder->self->word_ids->len;
  builder->text_length = 0;
  add_text (builder, bp_question_get_title (question));
  entry.title_length = builder->text_length;
  entry.answer_start = builder->self->word_ids->len;
  builder->text_length = 0;
  add_text (builder, answer);
  entry.answer_length = builder->text_length;
  entry.end = builder->self->word_ids->len;

  g_array_append_val (builder->self->entries, entry);
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  guint64 pair_a = *(const guint64 *)a;
  guint64 pair_b = *(const guint64 *)b;

  return pair_a < pair_b ? -1 : pair_a > pair_b;
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* A text's word ids, sorted, each keeping its count beside it. */
static void
sort_text (guint32 *ids,
           guint16 *counts,
           guint    n_ids)
{
  g_autofree guint64 *pairs = NULL;

  /* An empty title or answer: nothing to sort, and g_new () of none is NULL, which qsort ()
   * must not be given. */
  if (n_ids < 2)
    return;

  pairs = g_new (guint64, n_ids);
  for (guint i = 0; i < n_ids; i++)
    pairs[i] = (guint64)ids[i] << 16 | counts[i];
  qsort (pairs, n_ids, sizeof (guint64), compare_pairs);
  for (guint i = 0; i < n_ids; i++)
    {
      ids[i] = pairs[i] >> 16;
      counts[i] = pairs[i] & G_MAXUINT16;
    }
}

/* Ids were given in order of appearance; from now on they are positions in the sorted
 * vocabulary. */
static void
sort_vocabulary (BpSearchIndex *self,
                 GHashTable    *ids)
{
  g_autofree guint32 *new_ids = g_new (guint32, self->vocabulary->len);
  guint32 *word_ids = &g_array_index (self->word_ids, guint32, 0);
  guint16 *counts = &g_array_index (self->word_counts, guint16, 0);

  g_ptr_array_sort (self->vocabulary, compare_words);
  for (guint i = 0; i < self->vocabulary->len; i++)
    {
      gpointer old_id = g_hash_table_lookup (ids, g_ptr_array_index (self->vocabulary, i));

      new_ids[GPOINTER_TO_UINT (old_id)] = i;
    }

  self->texts_before = g_new0 (guint32, self->vocabulary->len + 1);
  for (guint i = 0; i < self->word_ids->len; i++)
    {
      word_ids[i] = new_ids[word_ids[i]];
      self->texts_before[word_ids[i] + 1]++;
    }
  for (guint i = 0; i < self->vocabulary->len; i++)
    self->texts_before[i + 1] += self->texts_before[i];

  for (guint i = 0; i < self->entries->len; i++)
    {
      const BpSearchEntry *entry = &g_array_index (self->entries, BpSearchEntry, i);

      sort_text (word_ids + entry->title_start, counts + entry->title_start,
                 entry->answer_start - entry->title_start);
      sort_text (word_ids + entry->answer_start, counts + entry->answer_start,
                 entry->end - entry->answer_start);
    }
}

static void
build (BpSearchIndex *self)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_questions = bp_deck_get_n_questions (self->deck);
  g_autoptr(GArray) last_seen = g_array_new (FALSE, TRUE, sizeof (guint32));
  g_autoptr(GArray) last_slot = g_array_new (FALSE, TRUE, sizeof (guint32));
  Builder builder = { self, ids, last_seen, last_slot, 0, 0 };
  double title_words = 0, answer_words = 0;

  for (guint i = 0; i < n_questions; i++)
    {
      BpQuestion *question = bp_deck_get_question (self->deck, i);
      const BpSearchEntry *entry;

      add_question (&builder, question);
      g_hash_table_insert (self->positions, question, GUINT_TO_POINTER (i));
      entry = &g_array_index (self->entries, BpSearchEntry, i);
      title_words += entry->title_length;
      answer_words += entry->answer_length;
    }

  self->mean_title_length = n_questions > 0 ? MAX (title_words / n_questions, 1) : 1;
  self->mean_answer_length = n_questions > 0 ? MAX (answer_words / n_questions, 1) : 1;
  sort_vocabulary (self, ids);
}

static void
bp_search_index_finalize (GObject *object)
{
  BpSearchIndex *self = (BpSearchIndex *)object;

  g_clear_object (&self->deck);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->vocabulary, g_ptr_array_unref);
  g_clear_pointer (&self->word_ids, g_array_unref);
  g_clear_pointer (&self->word_counts, g_array_unref);
  g_clear_pointer (&self->texts_before, g_free);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->query_ranges, g_array_unref);

  G_OBJECT_CLASS (bp_search_index_parent_class)->finalize (object);
}

static void
bp_search_index_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BpSearchIndex *self = BP_SEARCH_INDEX (object);

  switch (prop_id)
    {
    case PROP_DECK:
      g_value_set_object (value, self->deck);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_search_index_class_init (BpSearchIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bp_search_index_finalize;
  object_class->get_property = bp_search_index_get_property;

  properties[PROP_DECK] =
    g_param_spec_object ("deck", NULL, NULL,
                         BP_TYPE_DECK,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bp_search_index_init (BpSearchIndex *self)
{
  self->strings = g_string_chunk_new (64 * 1024);
  self->vocabulary = g_ptr_array_new ();
  self->word_ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->word_counts = g_array_new (FALSE, FALSE, sizeof (guint16));
  self->entries = g_array_new (FALSE, FALSE, sizeof (BpSearchEntry));
  self->positions = g_hash_table_new (NULL, NULL);
  self->query_ranges = g_array_new (FALSE, FALSE, sizeof (BpSearchWordRange));
}

/**
 * bp_search_index_new:
 *
 * Reads every question of @deck once: its title, and its answer's text as the page shows
 * it (bp_question_get_document(), which a page shown later reuses; see
 * bp_search_index_query()). A deck does not change, so neither does its index.
 * An index answers on the thread that uses it; it is not meant to be shared by threads.
 *
 * Returns: (transfer full): the index of @deck.
 */
BpSearchIndex *
bp_search_index_new (BpDeck *deck)
{
  BpSearchIndex *self;

  g_return_val_if_fail (BP_IS_DECK (deck), NULL);

  self = g_object_new (BP_TYPE_SEARCH_INDEX, NULL);
  self->deck = g_object_ref (deck);
  build (self);

  return self;
}

/**
 * bp_search_index_get_deck:
 *
 * Returns: (transfer none): the deck the index was built from.
 */
BpDeck *
bp_search_index_get_deck (BpSearchIndex *self)
{
  g_return_val_if_fail (BP_IS_SEARCH_INDEX (self), NULL);

  return self->deck;
}

/* Looking a query up */

/* Where @question is in the index's deck; a question of another deck is a programming
 * error. */
gboolean
_bp_search_index_find (BpSearchIndex *self,
                       BpQuestion    *question,
                       guint         *position)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (self->positions, question, NULL, &value))
    {
      g_critical ("%s: question “%s” is not in the index's deck",
                  G_STRFUNC, bp_question_get_id (question));
      return FALSE;
    }

  *position = GPOINTER_TO_UINT (value);
  return TRUE;
}

/* The first vocabulary id whose word does not sort before @word or, with @past_prefix,
 * the first after those starting with @word. */
guint
_bp_search_index_vocabulary_bound (BpSearchIndex *self,
                                   const char    *word,
                                   gboolean       past_prefix)
{
  gsize length = strlen (word);
  guint low = 0;
  guint high = self->vocabulary->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const char *candidate = g_ptr_array_index (self->vocabulary, middle);
      int order = past_prefix ? strncmp (candidate, word, length) : strcmp (candidate, word);

      if (order < 0 || (past_prefix && order == 0))
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const BpSearchWordRange *range_a = a;
  const BpSearchWordRange *range_b = b;

  return range_a->n_texts < range_b->n_texts ? -1 : range_a->n_texts > range_b->n_texts;
}

static void
look_up_query (BpSearchIndex *self,
               const char    *query)
{
  g_auto(GStrv) words = NULL;

  if (self->query != NULL && g_strcmp0 (self->query, query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query);
  g_array_set_size (self->query_ranges, 0);

  words = bp_search_split_query (query);
  self->query_has_words = words[0] != NULL;

  for (guint i = 0; words[i] != NULL; i++)
    {
      BpSearchWordRange range;

      range.first = _bp_search_index_vocabulary_bound (self, words[i], FALSE);
      range.last = _bp_search_index_vocabulary_bound (self, words[i], TRUE);
      range.n_texts = self->texts_before[range.last] - self->texts_before[range.first];
      g_array_append_val (self->query_ranges, range);
    }

  /* Most questions then fail on the first word they are asked about. */
  g_array_sort (self->query_ranges, compare_ranges);
}

/* The first of the sorted @ids that is not below @id. */
guint
_bp_search_ids_lower_bound (const guint32 *ids,
                            guint          n_ids,
                            guint          id)
{
  guint low = 0;
  guint high = n_ids;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (ids[middle] < id)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* Whether the sorted @ids hold one in @range. */
static gboolean
has_id_in_range (const guint32           *ids,
                 guint                    n_ids,
                 const BpSearchWordRange *range)
{
  guint low = _bp_search_ids_lower_bound (ids, n_ids, range->first);

  return low < n_ids && ids[low] < range->last;
}

static BpSearchMatch
match_entry (BpSearchIndex       *self,
             const BpSearchEntry *entry)
{
  const guint32 *ids = &g_array_index (self->word_ids, guint32, 0);
  gboolean in_title = TRUE;

  if (!self->query_has_words)
    return BP_SEARCH_MATCH_ANY;

  for (guint i = 0; i < self->query_ranges->len; i++)
    {
      const BpSearchWordRange *range = &g_array_index (self->query_ranges, BpSearchWordRange, i);

      if (has_id_in_range (ids + entry->title_start, entry->answer_start - entry->title_start,
                           range))
        continue;

      in_title = FALSE;
      if (!has_id_in_range (ids + entry->answer_start, entry->end - entry->answer_start, range))
        return BP_SEARCH_MATCH_NONE;
    }

  return in_title ? BP_SEARCH_MATCH_TITLE : BP_SEARCH_MATCH_ANSWER;
}

/**
 * bp_search_index_match:
 * @query: (nullable): what the user typed
 *
 * How @question matches @query; see bp_search_index_query(). The last query is kept
 * looked up, so a #GtkFilter or #GtkSorter can call this for every question cheaply.
 *
 * Returns: %BP_SEARCH_MATCH_NONE if @question does not match.
 */
BpSearchMatch
bp_search_index_match (BpSearchIndex *self,
                       BpQuestion    *question,
                       const char    *query)
{
  guint position;

  g_return_val_if_fail (BP_IS_SEARCH_INDEX (self), BP_SEARCH_MATCH_NONE);
  g_return_val_if_fail (BP_IS_QUESTION (question), BP_SEARCH_MATCH_NONE);

  if (!_bp_search_index_find (self, question, &position))
    return BP_SEARCH_MATCH_NONE;

  look_up_query (self, query);
  return match_entry (self, &g_array_index (self->entries, BpSearchEntry, position));
}

/**
 * bp_search_index_query:
 * @query: (nullable): what the user typed
 * @n_title_matches: (out) (optional): how many of the results match in their title
 *
 * A question matches when each word of @query (see bp_search_split_query()) starts some
 * word of its title or answer, so "moment" finds "momentum" as the user types. Words are
 * compared without case, accents or compatibility forms ("resume" finds "résumé",
 * "strasse" finds "Straße", "file" finds "ﬁle").
 *
 * Results come in two groups, each in deck order: first the questions whose title alone
 * holds every word, then those that need their answer. A query without words matches
 * every question, in deck order, with no title matches.
 *
 * Returns: (transfer full) (element-type BpQuestion): the matching questions, best first.
 */
GPtrArray *
bp_search_index_query (BpSearchIndex *self,
                       const char    *query,
                       guint         *n_title_matches)
{
  g_autofree guint8 *matches = NULL;
  GPtrArray *results;
  guint n_titles = 0;

  g_return_val_if_fail (BP_IS_SEARCH_INDEX (self), NULL);

  look_up_query (self, query);
  matches = g_new (guint8, self->entries->len);
  results = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->entries->len; i++)
    {
      matches[i] = match_entry (self, &g_array_index (self->entries, BpSearchEntry, i));
      if (matches[i] == BP_SEARCH_MATCH_TITLE)
        g_ptr_array_add (results, g_object_ref (bp_deck_get_question (self->deck, i)));
    }
  n_titles = results->len;

  for (guint i = 0; i < self->entries->len; i++)
    if (matches[i] == BP_SEARCH_MATCH_ANSWER || matches[i] == BP_SEARCH_MATCH_ANY)
      g_ptr_array_add (results, g_object_ref (bp_deck_get_question (self->deck, i)));

  if (n_title_matches != NULL)
    *n_title_matches = n_titles;

  return results;
}
