/* bp-question.c: one question of a deck, with its answer
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-question"

#include "config.h"

#include <string.h>

#include "bp-answer-document-private.h"
#include "bp-tex-private.h"
#include "bp-question-private.h"

struct _BpQuestion
{
  GObject parent_instance;

  guint number;
  char *title;
  char *source_title;         /* as the deck wrote it, when its TeX made @title differ */
  char *subtitle;
  char *id;
  gboolean trusted;
  cmark_node *answer;
  BpAnswerDocument *document; /* made on first use, then never changed */
};

G_DEFINE_FINAL_TYPE (BpQuestion, bp_question, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bp_question_finalize (GObject *object)
{
  BpQuestion *self = (BpQuestion *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->source_title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->answer, cmark_node_free);
  g_clear_pointer (&self->document, bp_answer_document_unref);

  G_OBJECT_CLASS (bp_question_parent_class)->finalize (object);
}

static void
bp_question_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BpQuestion *self = BP_QUESTION (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_question_class_init (BpQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bp_question_finalize;
  object_class->get_property = bp_question_get_property;

  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bp_question_init (BpQuestion *self)
{
}

BpQuestion *
bp_question_new (guint       number,
                 const char *title,
                 const char *id,
                 gboolean    trusted,
                 cmark_node *answer)
{
  BpQuestion *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (answer != NULL, NULL);
  g_return_val_if_fail (cmark_node_get_type (answer) == CMARK_NODE_DOCUMENT, NULL);

  self = g_object_new (BP_TYPE_QUESTION, NULL);
  self->number = number;
  self->id = g_strdup (id);
  self->trusted = !!trusted;
  self->answer = answer;
  /* The built-in deck writes MathML, never TeX. */
  self->title = trusted ? g_strdup (title) : bp_tex_plain_text (title, -1);
  if (strcmp (self->title, title) != 0)
    self->source_title = g_strdup (title);
  /* Before the answer is shared: once made, documents are read by several threads. */
  if (!trusted)
    _bp_tex_mark_answer (answer);

  return self;
}

/**
 * bp_question_get_number:
 *
 * Returns: the number the deck gives the question (the n of "Q<n>"),
 *   which is not necessarily its position.
 */
guint
bp_question_get_number (BpQuestion *self)
{
  g_return_val_if_fail (BP_IS_QUESTION (self), 0);

  return self->number;
}

/**
 * bp_question_get_title:
 *
 * Returns: the question as plain text, without its "Q<n>:" prefix; TeX math in an opened
 *   deck's title reads as Unicode text (bp_tex_plain_text()).
 */
const char *
bp_question_get_title (BpQuestion *self)
{
  g_return_val_if_fail (BP_IS_QUESTION (self), NULL);

  return self->title;
}

/**
 * bp_question_get_source_title:
 *
 * What the page's heading renders: TeX math is shown as math there, and as plain text
 * (bp_tex_plain_text()) in the title everywhere else.
 *
 * Returns: the title as the deck wrote it, its TeX included.
 */
const char *
bp_question_get_source_title (BpQuestion *self)
{
  g_return_val_if_fail (BP_IS_QUESTION (self), NULL);

  return self->source_title != NULL ? self->source_title : self->title;
}

/**
 * bp_question_get_subtitle:
 *
 * Returns: what tells the question apart from others of the same title (the start of
 *   the code or text under it), or "" when its title is the only one.
 */
const char *
bp_question_get_subtitle (BpQuestion *self)
{
  g_return_val_if_fail (BP_IS_QUESTION (self), NULL);

  return self->subtitle != NULL ? self->subtitle : "";
}

/* Set by the parser once it has seen every title, before anyone else sees the question. */
void
bp_question_set_subtitle (BpQuestion *self,
                          const char *subtitle)
{
  g_return_if_fail (BP_IS_QUESTION (self));

  g_free (self->subtitle);
  self->subtitle = self->trusted ? g_strdup (subtitle) : bp_tex_plain_text (subtitle, -1);
}

/**
 * bp_question_get_id:
 *
 * Returns: the stable id, "<deck id>/<slug of the title>", that study data is keyed by.
 */
const char *
bp_question_get_id (BpQuestion *self)
{
  g_return_val_if_fail (BP_IS_QUESTION (self), NULL);

  return self->id;
}

/**
 * bp_question_get_trusted:
 *
 * Returns: whether the answer comes from a trusted deck, whose raw HTML may be rendered.
 */
gboolean
bp_question_get_trusted (BpQuestion *self)
{
  g_return_val_if_fail (BP_IS_QUESTION (self), FALSE);

  return self->trusted;
}

gboolean
bp_question_has_answer (BpQuestion *self)
{
  g_return_val_if_fail (BP_IS_QUESTION (self), FALSE);

  return cmark_node_first_child (self->answer) != NULL;
}

cmark_node *
bp_question_get_answer_document (BpQuestion *self)
{
  g_return_val_if_fail (BP_IS_QUESTION (self), NULL);

  return self->answer;
}

/**
 * bp_question_get_document:
 *
 * The answer's HTML and text come from one walk over its markdown, the first time either
 * is asked for, on whichever thread asks: a page shown, a search index built in a worker.
 *
 * Returns: (transfer none): the answer as its page shows it.
 */
BpAnswerDocument *
bp_question_get_document (BpQuestion *self)
{
  g_return_val_if_fail (BP_IS_QUESTION (self), NULL);

  if (g_once_init_enter (&self->document))
    {
      /* The id is "<deck id>/<slug>": the deck's local images are served under its id. */
      const char *slash = strrchr (self->id, '/');
      g_autofree char *deck_id = slash != NULL ? g_strndup (self->id, slash - self->id) : NULL;

      g_once_init_leave (&self->document, bp_answer_document_new (self->answer, self->trusted, deck_id));
    }

  return self->document;
}
