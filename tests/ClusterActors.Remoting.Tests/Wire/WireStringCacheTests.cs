using System.Text;
using Xunit;

namespace ClusterActors.Remoting.Tests.Wire;

/// <summary>The per-connection string cache answers repeated bytes with the same string and never with a wrong one.</summary>
public sealed class WireStringCacheTests
{
    [Fact]
    public void The_same_bytes_give_the_same_string_instance()
    {
        var cache = new WireStringCache();
        var bytes = Encoding.UTF8.GetBytes("ca.tcp://cluster@127.0.0.1:2552/user/echo#17");

        var first = cache.GetOrDecode(bytes);
        var second = cache.GetOrDecode(bytes.ToArray());

        Assert.Equal("ca.tcp://cluster@127.0.0.1:2552/user/echo#17", first);
        Assert.Same(first, second);
    }

    [Fact]
    public void Many_distinct_strings_sharing_slots_each_decode_to_themselves()
    {
        var cache = new WireStringCache();
        var texts = Enumerable.Range(0, 2_000).Select(i => $"/user/actor-{i}").ToList();

        for (var round = 0; round < 2; round++)
        {
            foreach (var text in texts)
            {
                Assert.Equal(text, cache.GetOrDecode(Encoding.UTF8.GetBytes(text)));
            }
        }
    }

    [Fact]
    public void Invalid_utf8_is_refused_even_after_valid_strings_were_cached()
    {
        var cache = new WireStringCache();
        cache.GetOrDecode("abc"u8);

        Assert.Throws<DecoderFallbackException>(() => cache.GetOrDecode([0x61, 0xff, 0x62]));
        Assert.Throws<DecoderFallbackException>(() => cache.GetOrDecode([0x61, 0xff, 0x62]));
    }

    [Fact]
    public void Long_strings_are_decoded_every_time_and_still_correct()
    {
        var cache = new WireStringCache();
        var text = new string('x', 1_000);

        var first = cache.GetOrDecode(Encoding.UTF8.GetBytes(text));
        var second = cache.GetOrDecode(Encoding.UTF8.GetBytes(text));

        Assert.Equal(text, second);
        Assert.NotSame(first, second);
    }
}
