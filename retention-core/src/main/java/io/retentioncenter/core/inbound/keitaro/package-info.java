/**
 * Keitaro tracker S2S postbacks: {@link io.retentioncenter.core.inbound.keitaro.KeitaroPostbackParser}
 * authenticates and parses a query string, form body, JSON body or decoded parameter map into a
 * {@link io.retentioncenter.core.inbound.keitaro.KeitaroPostback} (with its replay key) or an
 * {@link io.retentioncenter.core.inbound.keitaro.IgnoredKeitaroPostback}.
 */
package io.retentioncenter.core.inbound.keitaro;
