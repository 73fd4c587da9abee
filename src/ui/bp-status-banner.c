/* bp-status-banner.c: a bar above the answer saying why what the user does is not saved
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-status-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "bp-status-banner-private.h"

/* libadwaita 1.2 has no AdwBanner: this is one, drawn the same way (style.css), that
 * follows a study store. It shows while the store cannot save: read-only (a newer file,
 * an unreadable or damaged one) or a failed write; a save that succeeds hides it. */
struct _BpStatusBanner
{
  GtkWidget parent_instance;

  GtkRevealer *revealer;
  GtkWidget *bar;
  GtkLabel *label;
  GtkButton *button;

  BpStudyStore *store;
};

G_DEFINE_FINAL_TYPE (BpStatusBanner, bp_status_banner, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The store's own message, which names the file and says what to do; a failed write alone
 * has an action, saving again now. A read-only store has none: its file is either newer
 * (only a newer Backprop may change it) or one the user must look at outside the app, and
 * a button that opened its folder would invite deleting a newer version's data. */
static void
update (BpStatusBanner *self)
{
  const GError *error = self->store != NULL ? bp_study_store_get_save_error (self->store) : NULL;
  gboolean read_only = self->store != NULL && bp_study_store_get_read_only (self->store);
  const char *message = NULL;

  if (error != NULL)
    message = error->message;
  else if (read_only)
    message = _("Your study data cannot be saved.");

  if (message != NULL)
    {
      gtk_label_set_label (self->label, message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->button), message != NULL && !read_only);
  gtk_revealer_set_reveal_child (self->revealer, message != NULL);
}

/* "Retry": save now rather than at the next scheduled attempt. A failure keeps the bar. */
static void
button_clicked_cb (BpStatusBanner *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !bp_study_store_flush (self->store, &error))
    g_debug ("Saving again failed: %s", error->message);
}

static void
bp_status_banner_dispose (GObject *object)
{
  BpStatusBanner *self = (BpStatusBanner *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_STATUS_BANNER);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bp_status_banner_parent_class)->dispose (object);
}

static void
bp_status_banner_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BpStatusBanner *self = BP_STATUS_BANNER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_status_banner_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BpStatusBanner *self = BP_STATUS_BANNER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      bp_status_banner_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_status_banner_class_init (BpStatusBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_status_banner_dispose;
  object_class->get_property = bp_status_banner_get_property;
  object_class->set_property = bp_status_banner_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         BP_TYPE_STUDY_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statusbanner");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "ui/bp-status-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, BpStatusBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, BpStatusBanner, bar);
  gtk_widget_class_bind_template_child (widget_class, BpStatusBanner, label);
  gtk_widget_class_bind_template_child (widget_class, BpStatusBanner, button);
  gtk_widget_class_bind_template_callback (widget_class, button_clicked_cb);
}

static void
bp_status_banner_init (BpStatusBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bp_status_banner_new (void)
{
  return g_object_new (BP_TYPE_STATUS_BANNER, NULL);
}

BpStudyStore *
bp_status_banner_get_store (BpStatusBanner *self)
{
  g_return_val_if_fail (BP_IS_STATUS_BANNER (self), NULL);

  return self->store;
}

/**
 * bp_status_banner_set_store:
 * @store: (nullable): the store whose saving the banner follows
 */
void
bp_status_banner_set_store (BpStatusBanner *self,
                            BpStudyStore   *store)
{
  g_return_if_fail (BP_IS_STATUS_BANNER (self));
  g_return_if_fail (!store || BP_IS_STUDY_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_signal_connect_object (store, "notify::save-error", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::read-only", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* Whether the bar is shown, or on its way in. */
gboolean
bp_status_banner_get_revealed (BpStatusBanner *self)
{
  g_return_val_if_fail (BP_IS_STATUS_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

/**
 * bp_status_banner_get_message:
 *
 * Returns: (nullable): what the bar says, or %NULL while it is hidden
 */
const char *
bp_status_banner_get_message (BpStatusBanner *self)
{
  g_return_val_if_fail (BP_IS_STATUS_BANNER (self), NULL);

  return bp_status_banner_get_revealed (self) ? gtk_label_get_label (self->label) : NULL;
}

GtkButton *
bp_status_banner_get_button (BpStatusBanner *self)
{
  g_return_val_if_fail (BP_IS_STATUS_BANNER (self), NULL);

  return self->button;
}
