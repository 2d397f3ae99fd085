using Koperasi.ServiceDefaults.Replicas;

namespace Koperasi.ServiceDefaults.Tests;

/// <summary>A replica takes a fact only when the publisher stated it at a newer stream version than the one it holds.</summary>
public class VersionedTests
{
    [Fact]
    public void A_first_fact_is_taken()
    {
        Versioned.Newer<string>(null, "Koperasi A", 3).ShouldBe(new Versioned<string>("Koperasi A", 3));
    }

    [Fact]
    public void A_newer_fact_replaces_what_is_held_and_an_older_or_repeated_one_does_not()
    {
        var held = new Versioned<string>("Koperasi A", 3);
        Versioned.Newer(held, "Koperasi B", 4).ShouldBe(new Versioned<string>("Koperasi B", 4));
        Versioned.Newer(held, "Koperasi B", 2).ShouldBeSameAs(held);
        Versioned.Newer(held, "Koperasi B", 3).ShouldBeSameAs(held);
    }

    [Fact]
    public void A_message_that_does_not_state_the_fact_leaves_it()
    {
        var held = new Versioned<string>("Koperasi A", 3);
        Versioned.NewerIfStated(held, null, 9).ShouldBeSameAs(held);
        Versioned.NewerIfStated(held, "Koperasi B", 9).ShouldBe(new Versioned<string>("Koperasi B", 9));
        Versioned.NewerIfStated<string>(null, null, 9).ShouldBeNull();
    }
}
