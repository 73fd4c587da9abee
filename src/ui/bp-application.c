/* bp-application.c: the single-instance application, its options and app-wide actions
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bp-answer-view.h"
#include "bp-application.h"
#include "bp-clock.h"
#include "bp-deck-inspect.h"
#include "bp-deck-parser.h"
#include "bp-math-renderer.h"
#include "bp-preferences-window.h"
#include "bp-renderer.h"
#include "bp-window.h"

struct _BpApplication
{
  AdwApplication parent_instance;

  BpDeck *deck;
  BpStudyStore *store;
  BpLibrary *library;
  BpPageHandler *page_handler;
  BpReviews *reviews;
  GSettings *settings;
};

#define TEXT_SIZE_STEP 0.1

G_DEFINE_FINAL_TYPE (BpApplication, bp_application, ADW_TYPE_APPLICATION)

/**
 * bp_application_get_deck:
 *
 * Parses the built-in deck the first time it is needed.
 *
 * Returns: (transfer none): the deck, or %NULL with @error set.
 */
BpDeck *
bp_application_get_deck (BpApplication  *self,
                         GError        **error)
{
  g_return_val_if_fail (BP_IS_APPLICATION (self), NULL);

  if (self->deck == NULL)
    self->deck = bp_deck_parser_parse_builtin (error);

  return self->deck;
}

/**
 * bp_application_get_store:
 *
 * The user's study data, loaded when the application starts. A file that could not be
 * read is shown by each window's status banner; the store then starts empty or read-only.
 *
 * Returns: (transfer none): the store.
 */
BpStudyStore *
bp_application_get_store (BpApplication *self)
{
  g_return_val_if_fail (BP_IS_APPLICATION (self), NULL);

  if (self->store == NULL)
    {
      g_autofree char *path = bp_study_store_dup_default_path ();
      g_autoptr(GError) error = NULL;

      self->store = bp_study_store_new (path);
      /* Not a warning: each window says so in its banner for as long as it lasts. */
      if (!bp_study_store_load (self->store, &error))
        g_message ("%s", error->message);
    }

  return self->store;
}

/* Optimized parameters from Preferences; the field there refuses what does not parse, so a
 * key that does not (edited by hand) falls back to the defaults. */
static void
apply_fsrs_parameters (BpApplication *self)
{
  g_autofree char *text = g_settings_get_string (self->settings, "fsrs-parameters");
  g_autoptr(GError) error = NULL;
  BpFsrsParameters parameters = *bp_fsrs_default_parameters ();

  if (*g_strstrip (text) != '\0' && !bp_fsrs_parameters_parse (&parameters, text, &error))
    {
      g_warning ("Using the default scheduler parameters: %s", error->message);
      parameters = *bp_fsrs_default_parameters ();
    }
  bp_reviews_set_parameters (self->reviews, &parameters);
}

/* The interview date from Preferences; one that does not parse (edited by hand) is none. */
static void
apply_interview_date (BpApplication *self)
{
  g_autofree char *text = g_settings_get_string (self->settings, "interview-date");
  g_autoptr(GError) error = NULL;
  gint64 day = BP_STUDY_QUEUE_NO_INTERVIEW;

  if (*g_strstrip (text) != '\0' && !bp_queue_parse_day (text, &day, &error))
    {
      g_warning ("Ignoring the interview date: %s", error->message);
      day = BP_STUDY_QUEUE_NO_INTERVIEW;
    }
  bp_reviews_set_interview_day (self->reviews, day);
}

static void
apply_retention (BpApplication *self)
{
  bp_reviews_set_retention (self->reviews,
                            g_settings_get_double (self->settings, "desired-retention"));
}

static void
reviews_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Not a warning: the windows say so, and the reviews start empty. */
  if (!bp_reviews_load_finish (BP_REVIEWS (object), result, &error))
    g_message ("%s", error->message);
}

/**
 * bp_application_get_reviews:
 *
 * Every grade, from the review log beside the study file: read and replayed in a worker at
 * start-up (bp_reviews_get_loaded() says when), then followed on disk.
 *
 * Returns: (transfer none): the reviews
 */
BpReviews *
bp_application_get_reviews (BpApplication *self)
{
  g_return_val_if_fail (BP_IS_APPLICATION (self), NULL);

  if (self->reviews == NULL)
    {
      g_autofree char *study_path = bp_study_store_dup_default_path ();
      g_autofree char *folder = g_path_get_dirname (study_path);
      g_autofree char *path = g_build_filename (folder, "reviews.log", NULL);
      g_autoptr(BpReviewLog) log = bp_review_log_new (path);

      self->reviews = bp_reviews_new (log);
      bp_reviews_set_day_offset (self->reviews, bp_clock_day_offset_us (bp_clock_now_us ()));
      if (self->settings != NULL)
        {
          apply_fsrs_parameters (self);
          g_signal_connect_object (self->settings, "changed::fsrs-parameters",
                                   G_CALLBACK (apply_fsrs_parameters), self, G_CONNECT_SWAPPED);
          apply_interview_date (self);
          g_signal_connect_object (self->settings, "changed::interview-date",
                                   G_CALLBACK (apply_interview_date), self, G_CONNECT_SWAPPED);
          apply_retention (self);
          g_signal_connect_object (self->settings, "changed::desired-retention",
                                   G_CALLBACK (apply_retention), self, G_CONNECT_SWAPPED);
        }
      bp_reviews_load_async (self->reviews, NULL, reviews_loaded_cb, NULL);
    }

  return self->reviews;
}

/**
 * bp_application_get_library:
 *
 * The built-in deck and every deck the user opened, read from the library file beside
 * the study file when first needed. A damaged file is set aside and the library starts
 * with the built-in deck alone.
 *
 * Returns: (transfer none): the library
 */
BpLibrary *
bp_application_get_library (BpApplication *self)
{
  g_return_val_if_fail (BP_IS_APPLICATION (self), NULL);

  if (self->library == NULL)
    {
      BpDeck *builtin = bp_application_get_deck (self, NULL);
      g_autofree char *dir = g_path_get_dirname (bp_study_store_get_path (bp_application_get_store (self)));
      g_autofree char *path = g_build_filename (dir, "library.ini", NULL);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GError) error = NULL;

      g_assert (builtin != NULL);
      self->library = bp_library_new (path, builtin);
      if (!bp_library_load (self->library, now, &error))
        g_message ("%s", error->message);
      else if (bp_library_get_recovered_from (self->library) != NULL)
        g_message ("The library file was damaged; it was kept as %s",
                   bp_library_get_recovered_from (self->library));
    }

  return self->library;
}

/**
 * bp_application_get_page_handler:
 *
 * The backprop: scheme's pages, made in startup for every deck the application has open.
 *
 * Returns: (transfer none) (nullable): the handler, or %NULL before startup
 */
BpPageHandler *
bp_application_get_page_handler (BpApplication *self)
{
  g_return_val_if_fail (BP_IS_APPLICATION (self), NULL);

  return self->page_handler;
}

static char *
render_tex_cb (const char  *tex,
               gboolean     display,
               gpointer     user_data,
               GError     **error)
{
  return bp_math_renderer_render (user_data, tex, display, error);
}

/* Every web view of the app uses the default context: the scheme is served there. Pages
 * are rendered on the main thread, so one JavaScript context renders all their math. */
static void
setup_page_handler (BpApplication *self)
{
  g_autoptr(BpPageRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  BpDeck *deck;

  renderer = bp_page_renderer_new_from_resources (&error);
  if (renderer == NULL)
    g_error ("The page template is broken: %s", error->message);
  bp_page_renderer_set_tex_func (renderer, render_tex_cb, bp_math_renderer_new (), g_object_unref);

  self->page_handler = bp_page_handler_new (renderer);
  bp_page_handler_register (self->page_handler, webkit_web_context_get_default ());
  bp_page_handler_set_store (self->page_handler, bp_application_get_store (self));
  bp_page_handler_set_reviews (self->page_handler, bp_application_get_reviews (self));

  /* A deck that does not parse is reported when the window would open. */
  deck = bp_application_get_deck (self, NULL);
  if (deck != NULL)
    bp_page_handler_add_deck (self->page_handler, deck);
}

static BpWindow *
ensure_window (BpApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;
  BpDeck *deck;

  if (window != NULL)
    return BP_WINDOW (window);

  deck = bp_application_get_deck (self, &error);
  if (deck == NULL)
    {
      g_printerr ("backprop: %s\n", error->message);
      return NULL;
    }

  return bp_window_new (self, deck);
}

static void
bp_application_activate (GApplication *application)
{
  BpWindow *window = ensure_window (BP_APPLICATION (application));

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
}

/* --inspect FILE: the deck as the parser reads it, for its author; no window. */
static int
inspect_deck_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *contents = NULL;
  g_autofree char *report = NULL;
  g_autofree char *legend = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  /* Not read at all when too large: the check below gives the reason. */
  if (info != NULL && g_file_info_get_size (info) > BP_DECK_MAX_SIZE)
    bp_deck_parser_check_bytes ("x", (gsize)g_file_info_get_size (info), &error);
  else if (info != NULL && g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
    report = bp_deck_inspect (name, contents, length, &error);

  if (report == NULL)
    {
      g_printerr (_("backprop: %s is not a deck Backprop can read: %s\n"), path, error->message);
      return EXIT_FAILURE;
    }

  g_print ("%s", report);
  /* On stderr, as a compiler's notes: the report on stdout stays what scripts read. */
  legend = bp_deck_inspect_dup_legend (report);
  if (legend != NULL)
    g_printerr ("%s", legend);
  return EXIT_SUCCESS;
}

/* Checked before the app starts, so a wrong --question prints its message and exits 1
 * without opening a window, in the first instance as in a second one. */
static int
bp_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  BpApplication *self = BP_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  g_autofree char *inspect = NULL;
  BpDeck *deck;
  int number;

  if (g_variant_dict_lookup (options, "inspect", "^ay", &inspect))
    return inspect_deck_file (inspect);

  if (!g_variant_dict_lookup (options, "question", "i", &number))
    return -1;

  deck = bp_application_get_deck (self, &error);
  if (deck == NULL)
    {
      g_printerr ("backprop: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (number < 0 || bp_deck_find_by_number (deck, (guint)number) == NULL)
    {
      g_printerr (_("backprop: there is no question %d; the deck has questions %u to %u.\n"),
                  number,
                  bp_question_get_number (bp_deck_get_question (deck, 0)),
                  bp_question_get_number (bp_deck_get_question (deck, bp_deck_get_n_questions (deck) - 1)));
      return EXIT_FAILURE;
    }

  return -1;
}

/* Files from Files' "Open With", or forwarded by a second instance. */
static void
bp_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  BpWindow *window = ensure_window (BP_APPLICATION (application));

  if (window == NULL)
    return;

  bp_window_open_files (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
}

/* "backprop FILE.md…": each file, relative to the directory the command ran in, which
 * for a second instance is not the first one's. */
static void
open_command_line_files (BpApplication           *self,
                         GApplicationCommandLine *command_line)
{
  g_auto(GStrv) arguments = g_application_command_line_get_arguments (command_line, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 1; arguments[i] != NULL; i++)
    g_ptr_array_add (files, g_application_command_line_create_file_for_arg (command_line, arguments[i]));

  if (files->len > 0)
    g_application_open (G_APPLICATION (self), (GFile **)files->pdata, (int)files->len, "");
}

static int
bp_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  BpApplication *self = BP_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  BpWindow *window = ensure_window (self);
  int number;

  if (window == NULL)
    return EXIT_FAILURE;

  open_command_line_files (self, command_line);

  if (g_variant_dict_lookup (options, "question", "i", &number))
    {
      BpQuestion *question = bp_deck_find_by_number (bp_window_get_deck (window), (guint)number);

      if (question != NULL)
        bp_window_show_question (window, question);
    }

  gtk_window_present (GTK_WINDOW (window));
  return EXIT_SUCCESS;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *application = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (application)));

  /* Closed like a click on their close buttons: each saves, or asks first if it cannot.
   * The application ends with its last window. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (bp_preferences_window_new (parent)));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  const char *developers[] = { "The Backprop developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  adw_about_window_set_application_name (about, _("Backprop"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Backprop developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (about, "https://github.com/backprop/backprop");
  adw_about_window_set_issue_url (about, "https://github.com/backprop/backprop/issues");
  adw_about_window_set_comments (about,
                                 _("Study deep-learning interview questions.\n\n"
                                   "The questions follow the “Data Science Interview Questions & "
                                   "Answers” collection by Youssef Hosni. The answers and the "
                                   "figures are Backprop’s own."));
  adw_about_window_add_credit_section (about, _("Questions after"),
                                       (const char *[]) { "Youssef Hosni", NULL });
  /* Translators: put your name here, one per line, as "Name <email>" or "Name https://site" */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  gtk_window_present (GTK_WINDOW (about));
}

/* Text size steps of 10 %, within what the preferences allow. */
static void
change_text_size (BpApplication *self,
                  double         step)
{
  double size = g_settings_get_double (self->settings, "text-size");

  size = step == 0.0 ? 1.0 : CLAMP ((int)((size + step) * 10.0 + 0.5) / 10.0, 0.5, 3.0);
  g_settings_set_double (self->settings, "text-size", size);
}

static void
text_larger_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  change_text_size (user_data, TEXT_SIZE_STEP);
}

static void
text_smaller_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  change_text_size (user_data, -TEXT_SIZE_STEP);
}

static void
text_reset_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  change_text_size (user_data, 0.0);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "text-larger", text_larger_action },
  { "text-smaller", text_smaller_action },
  { "text-reset", text_reset_action },
};

/* Every accelerator of the app, in one place. */
static void
set_accelerators (GtkApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[4];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "deck.open", { "<Control>o", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "question.next", { "<Control>Page_Down", NULL } },
    { "question.previous", { "<Control>Page_Up", NULL } },
    { "question.weak", { "<Control>d", NULL } },
    { "notes.show", { "<Control>e", NULL } },
    { "history.back", { "<Alt>Left", NULL } },
    { "history.forward", { "<Alt>Right", NULL } },
    { "search.focus", { "<Control>f", NULL } },
    { "search.all-decks", { "<Shift><Control>f", NULL } },
    { "search.next", { "<Control>g", NULL } },
    { "search.previous", { "<Shift><Control>g", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "shortcuts.show", { "<Control>question", NULL } },
    { "app.text-larger", { "<Control>plus", "<Control>equal", "<Control>KP_Add" } },
    { "app.text-smaller", { "<Control>minus", "<Control>KP_Subtract", NULL } },
    { "app.text-reset", { "<Control>0", "<Control>KP_0", NULL } },
    { "study.toggle", { "<Control>r", NULL } },
    { "study.undo", { "<Control>z", NULL } },
    { "progress.show", { "<Shift><Control>p", NULL } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (application, accels[i].action, accels[i].accels);
}

static void
bp_application_startup (GApplication *application)
{
  BpApplication *self = BP_APPLICATION (application);

  G_APPLICATION_CLASS (bp_application_parent_class)->startup (application);
  bp_renderer_choose (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);
  set_accelerators (GTK_APPLICATION (application));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "color-scheme",
                   adw_style_manager_get_default (), "color-scheme",
                   G_SETTINGS_BIND_GET);
  gtk_window_set_default_icon_name (APP_ID);

  setup_page_handler (self);
  bp_answer_view_prepare ();
  bp_application_get_reviews (self);
}

/* A last save, for changes made after the windows closed (none, normally). */
static void
bp_application_shutdown (GApplication *application)
{
  BpApplication *self = BP_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !bp_study_store_flush (self->store, &error))
    g_warning ("%s", error->message);
  g_clear_error (&error);
  if (self->reviews != NULL && !bp_reviews_retry (self->reviews, &error))
    g_warning ("%s", error->message);

  G_APPLICATION_CLASS (bp_application_parent_class)->shutdown (application);
}

static void
bp_application_dispose (GObject *object)
{
  BpApplication *self = (BpApplication *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->page_handler);
  g_clear_object (&self->library);
  g_clear_object (&self->reviews);
  g_clear_object (&self->store);
  g_clear_object (&self->deck);

  G_OBJECT_CLASS (bp_application_parent_class)->dispose (object);
}

static void
bp_application_class_init (BpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = bp_application_dispose;
  app_class->activate = bp_application_activate;
  app_class->startup = bp_application_startup;
  app_class->shutdown = bp_application_shutdown;
  app_class->handle_local_options = bp_application_handle_local_options;
  app_class->command_line = bp_application_command_line;
  app_class->open = bp_application_open;
}

static void
bp_application_init (BpApplication *self)
{
  static const GOptionEntry options[] = {
    { "question", 'q', G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, NULL,
      N_("Open question N of the deck"), N_("N") },
    { "inspect", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
      N_("Print how FILE reads as a deck (title, rule, questions, warnings) and exit"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  /* Translators: what may follow the options on the command line */
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE.md…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Study deep-learning interview questions."));
}

BpApplication *
bp_application_new (void)
{
  return g_object_new (BP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/backprop/Backprop",
                       NULL);
}
