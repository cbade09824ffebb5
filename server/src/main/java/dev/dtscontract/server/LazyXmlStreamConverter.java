package dev.dtscontract.server;

import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.convert.TypeConverter;
import io.micronaut.xml.jackson.server.convert.ByteArrayXmlStreamReader;
import io.micronaut.xml.jackson.server.convert.XmlStreamToObjectConverter;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * micronaut-jackson-xml's converter of XML request bodies, built on its first use instead of at the start. Every type
 * converter is created when the context starts, and that one takes an {@link XmlMapper}: building the mapper (Jackson,
 * Woodstox, the mapper's modules) was about a ninth of the emulator's start to its first answer (#28, a JFR profile of
 * the start). The emulator answers XML (Format=XML) but reads no XML body, so the mapper is now built, if ever, by the
 * first XML answer or XML body. Same behaviour: the converter it delegates to is the module's own.
 */
@Singleton
@Replaces(XmlStreamToObjectConverter.class)
final class LazyXmlStreamConverter implements TypeConverter<ByteArrayXmlStreamReader, Object> {

    private final BeanProvider<XmlMapper> xmlMapper;
    private final ConversionService conversionService;
    private volatile XmlStreamToObjectConverter delegate;

    LazyXmlStreamConverter(BeanProvider<XmlMapper> xmlMapper, ConversionService conversionService) {
        this.xmlMapper = xmlMapper;
        this.conversionService = conversionService;
    }

    @Override
    public Optional<Object> convert(ByteArrayXmlStreamReader stream, Class<Object> targetType, ConversionContext context) {
        XmlStreamToObjectConverter converter = delegate;
        if (converter == null) {
            converter = new XmlStreamToObjectConverter(xmlMapper.get(), conversionService);
            delegate = converter;
        }
        return converter.convert(stream, targetType, context);
    }
}
