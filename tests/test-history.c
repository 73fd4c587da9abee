/* test-history.c: Back and Forward over the questions visited, and what they notify
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bp-history.h"

/* How many times each property was notified. */
typedef struct
{
  guint back;
  guint forward;
} Notified;

static void
notified_cb (GObject    *object,
             GParamSpec *pspec,
             Notified   *notified)
{
  if (g_strcmp0 (pspec->name, "can-go-back") == 0)
    notified->back++;
  else if (g_strcmp0 (pspec->name, "can-go-forward") == 0)
    notified->forward++;
}

/* @n distinct objects, NULL-terminated: the history holds questions, but any GObject will do. */
static GObject **
make_items (guint n)
{
  GObject **items = g_new0 (GObject *, n + 1);

  for (guint i = 0; i < n; i++)
    items[i] = g_object_new (G_TYPE_OBJECT, NULL);

  return items;
}

static void
free_items (GObject **items)
{
  for (guint i = 0; items[i] != NULL; i++)
    g_object_unref (items[i]);
  g_free (items);
}

static void
assert_can (BpHistory *history,
            gboolean   back,
            gboolean   forward)
{
  gboolean back_property, forward_property;

  g_object_get (history, "can-go-back", &back_property, "can-go-forward", &forward_property, NULL);
  g_assert_cmpint (bp_history_get_can_go_back (history), ==, back);
  g_assert_cmpint (bp_history_get_can_go_forward (history), ==, forward);
  g_assert_cmpint (back_property, ==, back);
  g_assert_cmpint (forward_property, ==, forward);
}

static void
test_empty (void)
{
  g_autoptr(BpHistory) history = bp_history_new ();

  assert_can (history, FALSE, FALSE);
  g_assert_null (bp_history_get_current (history));
  g_assert_null (bp_history_go_back (history));
  g_assert_null (bp_history_go_forward (history));
  assert_can (history, FALSE, FALSE);
}

static void
test_back_and_forward (void)
{
  g_autoptr(BpHistory) history = bp_history_new ();
  GObject **items = make_items (3);

  bp_history_visit (history, items[0]);
  assert_can (history, FALSE, FALSE);
  g_assert_true (bp_history_get_current (history) == items[0]);

  bp_history_visit (history, items[1]);
  bp_history_visit (history, items[2]);
  assert_can (history, TRUE, FALSE);

  g_assert_true (bp_history_go_back (history) == items[1]);
  assert_can (history, TRUE, TRUE);
  g_assert_true (bp_history_go_back (history) == items[0]);
  assert_can (history, FALSE, TRUE);
  g_assert_null (bp_history_go_back (history));
  g_assert_true (bp_history_get_current (history) == items[0]);

  g_assert_true (bp_history_go_forward (history) == items[1]);
  g_assert_true (bp_history_go_forward (history) == items[2]);
  assert_can (history, TRUE, FALSE);
  g_assert_null (bp_history_go_forward (history));
  g_assert_true (bp_history_get_current (history) == items[2]);

  g_clear_object (&history);
  free_items (items);
}

/* A new visit from the middle drops the forward part: a, b, c, back to b, then a. */
static void
test_visit_after_back_truncates (void)
{
  g_autoptr(BpHistory) history = bp_history_new ();
  GObject **items = make_items (3);

  bp_history_visit (history, items[0]);
  bp_history_visit (history, items[1]);
  bp_history_visit (history, items[2]);
  bp_history_go_back (history);
  bp_history_visit (history, items[0]);

  assert_can (history, TRUE, FALSE);
  g_assert_null (bp_history_go_forward (history));
  g_assert_true (bp_history_go_back (history) == items[1]);
  g_assert_true (bp_history_go_back (history) == items[0]);
  g_assert_null (bp_history_go_back (history));

  g_clear_object (&history);
  free_items (items);
}

/* Back opens the item before; the window then visits it: that is no new branch. */
static void
test_visiting_current_is_not_recorded (void)
{
  g_autoptr(BpHistory) history = bp_history_new ();
  GObject **items = make_items (2);

  bp_history_visit (history, items[0]);
  bp_history_visit (history, items[0]);
  assert_can (history, FALSE, FALSE);

  bp_history_visit (history, items[1]);
  bp_history_visit (history, bp_history_go_back (history));
  assert_can (history, FALSE, TRUE);
  g_assert_true (bp_history_go_forward (history) == items[1]);

  /* An item seen before, but not the current one, is a new visit. */
  bp_history_visit (history, items[0]);
  assert_can (history, TRUE, FALSE);
  g_assert_true (bp_history_go_back (history) == items[1]);
  g_assert_true (bp_history_go_back (history) == items[0]);
  g_assert_null (bp_history_go_back (history));

  g_clear_object (&history);
  free_items (items);
}

static void
test_notifies_only_changes (void)
{
  g_autoptr(BpHistory) history = bp_history_new ();
  GObject **items = make_items (3);
  Notified notified = { 0 };

  g_signal_connect (history, "notify", G_CALLBACK (notified_cb), &notified);

  bp_history_visit (history, items[0]);
  g_assert_cmpuint (notified.back, ==, 0);
  g_assert_cmpuint (notified.forward, ==, 0);

  bp_history_visit (history, items[1]);
  bp_history_visit (history, items[2]);
  g_assert_cmpuint (notified.back, ==, 1);
  g_assert_cmpuint (notified.forward, ==, 0);

  /* From c to b: Forward becomes possible, Back stays possible. */
  bp_history_go_back (history);
  g_assert_cmpuint (notified.back, ==, 1);
  g_assert_cmpuint (notified.forward, ==, 1);

  /* From b to a: Back ends. */
  bp_history_go_back (history);
  g_assert_cmpuint (notified.back, ==, 2);
  g_assert_cmpuint (notified.forward, ==, 1);

  /* Nothing moves, nothing is notified. */
  bp_history_go_back (history);
  bp_history_visit (history, items[0]);
  g_assert_cmpuint (notified.back, ==, 2);
  g_assert_cmpuint (notified.forward, ==, 1);

  /* A new branch from a: Back again, Forward gone. */
  bp_history_visit (history, items[2]);
  g_assert_cmpuint (notified.back, ==, 3);
  g_assert_cmpuint (notified.forward, ==, 2);

  g_clear_object (&history);
  free_items (items);
}

/* The history keeps what it holds alive; dropping the forward part lets go of it. */
static void
test_holds_references (void)
{
  g_autoptr(BpHistory) history = bp_history_new ();
  GObject *first = g_object_new (G_TYPE_OBJECT, NULL);
  GObject *dropped = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_add_weak_pointer (dropped, (gpointer *)&dropped);
  bp_history_visit (history, first);
  bp_history_visit (history, dropped);
  g_object_unref (dropped);
  g_assert_nonnull (dropped);

  bp_history_go_back (history);
  bp_history_visit (history, g_object_new (G_TYPE_OBJECT, NULL));
  g_object_unref (bp_history_get_current (history));
  g_assert_null (dropped);

  g_clear_object (&history);
  g_object_unref (first);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/empty", test_empty);
  g_test_add_func ("/history/back-and-forward", test_back_and_forward);
  g_test_add_func ("/history/visit-after-back-truncates", test_visit_after_back_truncates);
  g_test_add_func ("/history/visiting-current-is-not-recorded", test_visiting_current_is_not_recorded);
  g_test_add_func ("/history/notifies-only-changes", test_notifies_only_changes);
  g_test_add_func ("/history/holds-references", test_holds_references);

  return g_test_run ();
}
