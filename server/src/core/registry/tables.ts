/**
 * The one place that gathers the data tables. Only `lookup.ts` and the registry tests import this;
 * features go through the lookup functions so that nothing else depends on the tables' layout.
 */
import { RESPONSE_CODES } from './data/responseCodes';
import { UNREGISTERED_RESPONSE_CODES } from './data/unregisteredResponseCodes';
import { RESPONSE_CLASSES } from './data/responseClasses';
import { METHODS } from './data/methods';
import { RFC3261_HEADERS } from './data/headers/rfc3261';
import { P_HEADERS } from './data/headers/pHeaders';
import { EXTENSION_HEADERS } from './data/headers/extensions';
import { UNREGISTERED_HEADERS } from './data/headers/unregistered';
import { HEADER_USAGE_RFC3261 } from './data/headerUsage';
import { OPTION_TAGS } from './data/optionTags';
import { EVENT_PACKAGES } from './data/eventPackages';
import { WARNING_CODES } from './data/warningCodes';
import { URI_PARAMETERS } from './data/uriParameters';
import { REASON_PROTOCOLS } from './data/reasonProtocols';
import { Q850_CAUSES } from './data/q850Causes';
import { OTHER_REGISTRY_VALUES } from './data/otherRegistries';
import { MEDIA_TYPES, SUBSCRIPTION_STATES } from './data/mediaTypes';
import type { HeaderData } from './types';

/** Registered headers first, so a name that is both registered and listed as unregistered resolves to the registered entry. */
const ALL_HEADERS: readonly HeaderData[] = [...RFC3261_HEADERS, ...P_HEADERS, ...EXTENSION_HEADERS, ...UNREGISTERED_HEADERS];

export const TABLES = {
  responseCodes: RESPONSE_CODES,
  unregisteredResponseCodes: UNREGISTERED_RESPONSE_CODES,
  responseClasses: RESPONSE_CLASSES,
  methods: METHODS,
  headers: ALL_HEADERS,
  headerUsage: HEADER_USAGE_RFC3261,
  optionTags: OPTION_TAGS,
  eventPackages: EVENT_PACKAGES,
  warningCodes: WARNING_CODES,
  uriParameters: URI_PARAMETERS,
  reasonProtocols: REASON_PROTOCOLS,
  q850Causes: Q850_CAUSES,
  otherRegistryValues: OTHER_REGISTRY_VALUES,
  mediaTypes: MEDIA_TYPES,
  subscriptionStates: SUBSCRIPTION_STATES,
} as const;
