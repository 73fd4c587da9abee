/* bp-page-handler.h: the backprop: URI scheme, which serves every page of every open deck
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <webkit/webkit.h>

#include "bp-deck.h"
#include "bp-page-renderer.h"
#include "bp-page-uri.h"
#include "bp-reviews.h"
#include "bp-study-store.h"

G_BEGIN_DECLS

#define BP_PAGE_HANDLER_ERROR (bp_page_handler_error_quark ())

/**
 * BpPageHandlerError:
 * @BP_PAGE_HANDLER_ERROR_UNKNOWN_ROUTE: the URI names no kind of page the app has
 * @BP_PAGE_HANDLER_ERROR_NOT_FOUND: the page's deck or question is not open
 */
typedef enum {
  BP_PAGE_HANDLER_ERROR_UNKNOWN_ROUTE,
  BP_PAGE_HANDLER_ERROR_NOT_FOUND,
} BpPageHandlerError;

#define BP_TYPE_PAGE_HANDLER (bp_page_handler_get_type ())

G_DECLARE_FINAL_TYPE (BpPageHandler, bp_page_handler, BP, PAGE_HANDLER, GObject)

GQuark          bp_page_handler_error_quark       (void);

BpPageHandler  *bp_page_handler_new               (BpPageRenderer   *renderer);
void            bp_page_handler_register          (BpPageHandler    *self,
                                                   WebKitWebContext *context);
BpPageRenderer *bp_page_handler_get_renderer      (BpPageHandler    *self);

void            bp_page_handler_add_deck          (BpPageHandler    *self,
                                                   BpDeck           *deck);
void            bp_page_handler_remove_deck       (BpPageHandler    *self,
                                                   const char       *deck_id);
BpDeck         *bp_page_handler_lookup_deck       (BpPageHandler    *self,
                                                   const char       *deck_id);
void            bp_page_handler_set_deck_folder   (BpPageHandler    *self,
                                                   const char       *deck_id,
                                                   const char       *folder);

BpStudyStore   *bp_page_handler_get_store         (BpPageHandler    *self);
void            bp_page_handler_set_store         (BpPageHandler    *self,
                                                   BpStudyStore     *store);

BpReviews      *bp_page_handler_get_reviews       (BpPageHandler    *self);
void            bp_page_handler_set_reviews       (BpPageHandler    *self,
                                                   BpReviews        *reviews);

char           *bp_page_handler_dup_blank_uri       (void);
char           *bp_page_handler_dup_uri_for_question (BpQuestion    *question);
char           *bp_page_handler_dup_progress_uri  (const char       *deck_id);
char           *bp_page_handler_dup_study_uri     (BpQuestion       *question);
BpQuestion     *bp_page_handler_lookup_question   (BpPageHandler    *self,
                                                   const char       *uri,
                                                   BpQuestion       *from);
char           *bp_page_handler_dup_notes_html    (BpPageHandler    *self,
                                                   BpQuestion       *question);
BpPageTheme     bp_page_handler_get_current_theme (void);

G_END_DECLS
