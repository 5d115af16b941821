/**
 * The TDM driver SPI: {@link org.pstngw.tdm.spi.TdmDriver} opens {@link org.pstngw.tdm.spi.Span}s (E1 or T1) that
 * carry bearer {@link org.pstngw.tdm.spi.Channel}s and HDLC {@link org.pstngw.tdm.spi.HdlcChannel}s and report
 * {@link org.pstngw.tdm.spi.SpanEvent}s; drivers are found by name with {@link org.pstngw.tdm.spi.TdmDrivers}.
 * {@link org.pstngw.tdm.spi.SpanMux} is the whole-frame path for drivers that carry entire 125 us frames. {@link
 * org.pstngw.tdm.spi.TdmSpans} opens the configured driver and spans from the gateway configuration.
 */
package org.pstngw.tdm.spi;
