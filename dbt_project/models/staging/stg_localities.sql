with

source as (

    select * from {{ source('validated', 'localities') }}

),

renamed as (

    select
        {{ fieldvoice.surrogate_key(['country_code', 'locality']) }} as locality_key,
        locality,
        country_code,
        locality_type,
        latitude,
        longitude

    from source

)

select * from renamed
