/* bp-application.h: the single-instance application, its options and app-wide actions
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bp-deck.h"
#include "bp-library.h"
#include "bp-page-handler.h"
#include "bp-reviews.h"
#include "bp-study-store.h"

G_BEGIN_DECLS

#define BP_TYPE_APPLICATION (bp_application_get_type ())

G_DECLARE_FINAL_TYPE (BpApplication, bp_application, BP, APPLICATION, AdwApplication)

BpApplication *bp_application_new      (void);
BpDeck        *bp_application_get_deck  (BpApplication  *self,
                                         GError        **error);
BpStudyStore  *bp_application_get_store (BpApplication  *self);
BpPageHandler *bp_application_get_page_handler (BpApplication *self);
BpLibrary     *bp_application_get_library (BpApplication *self);
BpReviews     *bp_application_get_reviews (BpApplication *self);

G_END_DECLS
