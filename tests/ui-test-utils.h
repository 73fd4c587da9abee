/* ui-test-utils.h: waiting on the main loop, reading pages, typing keys, seeding data, opening windows and studying
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "bp-application.h"
#include "bp-page-handler.h"
#include "bp-question-row.h"
#include "bp-study-view.h"
#include "bp-window.h"

G_BEGIN_DECLS

typedef gboolean (*Predicate) (gpointer data);

void      spin_until   (Predicate      predicate,
                        gpointer       data,
                        const char    *what);
gboolean  page_loaded  (gpointer       web_view);
char     *evaluate     (WebKitWebView *web_view,
                        const char    *script);
char     *try_evaluate (WebKitWebView *web_view,
                        const char    *script);
gboolean  is_allocated (gpointer       widget);
void      spin_for_ms  (guint          milliseconds);
void      press_keys   (GtkWindow     *window,
                        const char    *keys);
void      wait_for_uri (WebKitWebView *web_view,
                        const char    *uri);

BpPageHandler *shared_page_handler (void);

BpApplication *init_app_tests (int            *argc,
                               char         ***argv);
int            run_app_tests  (BpApplication **app);

void           present_window         (GtkWindow     *window,
                                       int            width,
                                       int            height);
BpWindow      *open_window            (BpApplication *app,
                                       int            width,
                                       int            height);
BpWindow      *open_window_with_store (BpApplication *app,
                                       BpStudyStore  *store,
                                       int            width,
                                       int            height);
void           close_window           (BpWindow      *window);
BpQuestion    *question_number        (BpWindow      *window,
                                       guint          number);
WebKitWebView *window_web_view        (BpWindow      *window);
void           wait_for_question      (BpWindow      *window,
                                       guint          number);
void           wait_for_page          (BpWindow      *window,
                                       BpQuestion    *question);

/* What a question's notes should be in a store, for spin_until (notes_stored_are, …). */
typedef struct
{
  BpStudyStore *store;
  const char *id;
  const char *expected;
} NotesExpected;

gboolean       notes_stored_are       (gpointer       expected);
gboolean       notes_pane_shown       (gpointer       window);

/* The app's data folder, as start-up reads it: seeded before init_app_tests (). */
char          *app_data_path          (const char    *name);

/* A grade as a user gave it on an earlier day: @time as the log writes times
 * ("2026-11-26T09:00:00.000000Z"). */
typedef struct
{
  const char *question_id;
  BpGrade grade;
  const char *time;
} SeededReview;

void           seed_reviews           (const SeededReview *reviews,
                                       guint               n_reviews);

/* Sessions, for spin_until: the question the study view shows, and what moves it on. */
typedef struct
{
  BpStudyView *view;
  BpQuestion *question;
} Showing;

gboolean       reviews_loaded         (gpointer       reviews);
gboolean       studying               (gpointer       window);
gboolean       reading                (gpointer       window);
gboolean       shows_a_question       (gpointer       view);
gboolean       revealed               (gpointer       view);
gboolean       shows_other            (gpointer       showing);
gboolean       shows_same             (gpointer       showing);
BpQuestion    *reveal_and_press       (BpWindow      *window,
                                       const char    *key);
BpQuestionRow *row_for                (BpWindow      *window,
                                       BpQuestion    *question);
GtkWindow     *find_preferences       (void);

/* Widgets in a window's tree, as a user finds them by what they show. */
GtkWidget     *find_widget            (GtkWidget     *root,
                                       GType          type);
GtkWidget     *find_button            (GtkWidget     *root,
                                       const char    *label);
gboolean       has_label_with         (GtkWidget     *root,
                                       const char    *text);

/* The window showing the deck of the file at @path, with a question open. */
typedef struct
{
  BpWindow *window;
  const char *path;
} DeckAtPath;

gboolean       shows_deck_at          (gpointer       deck_at_path);
void           open_deck_and_wait     (BpWindow      *window,
                                       const char    *path);

G_END_DECLS
