/**
 * vue-i18n's compile-time flags (its esm-bundler build reads them as
 * globals), shared by both renderer builds: the Composition API only, no
 * devtools hook in production.
 */
export const VUE_I18N_FLAGS = {
  __VUE_I18N_FULL_INSTALL__: 'true',
  __VUE_I18N_LEGACY_API__: 'false',
  __INTLIFY_PROD_DEVTOOLS__: 'false',
  __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
} as const;
